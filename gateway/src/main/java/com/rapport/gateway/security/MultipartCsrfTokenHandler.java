package com.rapport.gateway.security;

import reactor.core.publisher.Mono;

import org.springframework.http.MediaType;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.security.web.server.csrf.ServerCsrfTokenRequestAttributeHandler;
import org.springframework.web.server.ServerWebExchange;

/**
 * Where the CSRF token of a form that sends files is found: in its address ({@code ?_csrf=}), or the header, never
 * in its body. The gateway forwards a file upload as it came and does not parse it (a multipart body can be read
 * only once, and would have to be held whole here); putting the token in the form's action is what Spring
 * Security's reference offers for uploads. Every other request: as Spring Security reads it (form field, header).
 */
class MultipartCsrfTokenHandler extends ServerCsrfTokenRequestAttributeHandler {

	@Override
	public Mono<String> resolveCsrfTokenValue(ServerWebExchange exchange, CsrfToken csrfToken) {
		var request = exchange.getRequest();
		MediaType type = request.getHeaders().getContentType();
		if (type == null || !MediaType.MULTIPART_FORM_DATA.isCompatibleWith(type)) {
			return super.resolveCsrfTokenValue(exchange, csrfToken);
		}
		String header = request.getHeaders().getFirst(csrfToken.getHeaderName());
		return Mono.justOrEmpty(header != null ? header : request.getQueryParams().getFirst(csrfToken.getParameterName()));
	}
}
