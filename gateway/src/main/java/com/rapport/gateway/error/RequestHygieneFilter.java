package com.rapport.gateway.error;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Refuses, at the door and before anything is forwarded, what no service can read: an address whose
 * percent-encoding is not UTF-8 or hides control characters, encoded slashes or dot segments (400); a
 * Content-Type that does not parse, names an unknown charset or is a wildcard such as {@code application/*} (415); a body announced larger than
 * {@code rapport.limits.max-request-body} (413); a method nothing behind it takes, such as TRACE (405). It runs after the security filters: a caller without the right
 * still hears 401 or 403 first, and only the protocol is looked at here, never the content.
 */
class RequestHygieneFilter implements WebFilter, Ordered {

	/** Right after Spring Security's chain (order -100). */
	static final int ORDER = -90;

	/** The methods anything behind the gateway takes; TRACE and inventions such as PROPFIND stop here (405). */
	private static final java.util.Set<String> METHODS = java.util.Set.of("GET", "HEAD", "POST", "PUT", "PATCH",
			"DELETE", "OPTIONS");

	private final long maxRequestBody;

	RequestHygieneFilter(long maxRequestBody) {
		this.maxRequestBody = maxRequestBody;
	}

	static boolean isKnownMethod(String method) {
		return METHODS.contains(method);
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		var request = exchange.getRequest();
		if (!isKnownMethod(request.getMethod().name())) {
			return ErrorResponses.write(exchange, HttpStatus.METHOD_NOT_ALLOWED);
		}
		String rawPath = request.getURI().getRawPath();
		String rawQuery = request.getURI().getRawQuery();
		if (!cleanPath(rawPath) || !cleanQuery(rawQuery)) {
			return ErrorResponses.write(exchange, HttpStatus.BAD_REQUEST);
		}
		String contentType = request.getHeaders().getFirst(HttpHeaders.CONTENT_TYPE);
		if (contentType != null && !readableContentType(contentType)) {
			return ErrorResponses.write(exchange, HttpStatus.UNSUPPORTED_MEDIA_TYPE);
		}
		if (request.getHeaders().getContentLength() > maxRequestBody) {
			return ErrorResponses.write(exchange, HttpStatus.PAYLOAD_TOO_LARGE);
		}
		return chain.filter(exchange);
	}

	/** Every segment decodes as UTF-8 to text without control characters, slashes, backslashes or dot segments. */
	static boolean cleanPath(String rawPath) {
		if (rawPath == null) {
			return true;
		}
		for (String segment : rawPath.split("/", -1)) {
			String decoded = decode(segment, false);
			if (decoded == null || decoded.indexOf('/') >= 0 || decoded.indexOf('\\') >= 0 || decoded.equals(".")
					|| decoded.equals("..") || hasControl(decoded)) {
				return false;
			}
		}
		return true;
	}

	/** Every name and value decodes as UTF-8 ({@code +} a space) to text without control characters. */
	static boolean cleanQuery(String rawQuery) {
		if (rawQuery == null) {
			return true;
		}
		for (String pair : rawQuery.split("&", -1)) {
			String decoded = decode(pair, true);
			if (decoded == null || hasControl(decoded)) {
				return false;
			}
		}
		return true;
	}

	static boolean readableContentType(String contentType) {
		try {
			MediaType mediaType = MediaType.parseMediaType(contentType);
			mediaType.getCharset();
			// What a body is must be said exactly: */* or application/* names no format (services fail on it).
			return !mediaType.isWildcardType() && !mediaType.isWildcardSubtype();
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	private static boolean hasControl(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c < 0x20 || c == 0x7F || c >= 0x80 && c <= 0x9F) {
				return true;
			}
		}
		return false;
	}

	/** Strict percent-decoding as UTF-8: null for a stray {@code %} or bytes that are not UTF-8. */
	static String decode(String raw, boolean plusIsSpace) {
		if (raw.indexOf('%') < 0) {
			return plusIsSpace ? raw.replace('+', ' ') : raw;
		}
		ByteBuffer bytes = ByteBuffer.allocate(raw.length());
		for (int i = 0; i < raw.length(); i++) {
			char c = raw.charAt(i);
			if (c == '%') {
				if (i + 2 >= raw.length()) {
					return null;
				}
				int high = Character.digit(raw.charAt(i + 1), 16);
				int low = Character.digit(raw.charAt(i + 2), 16);
				if (high < 0 || low < 0) {
					return null;
				}
				bytes.put((byte) (high * 16 + low));
				i += 2;
			}
			else if (c > 0x7F) {
				return null;
			}
			else {
				bytes.put((byte) (plusIsSpace && c == '+' ? ' ' : c));
			}
		}
		bytes.flip();
		try {
			CharBuffer text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT).decode(bytes);
			return text.toString();
		}
		catch (CharacterCodingException ex) {
			return null;
		}
	}
}
