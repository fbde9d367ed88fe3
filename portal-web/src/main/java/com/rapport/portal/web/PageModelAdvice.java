package com.rapport.portal.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.rapport.support.error.NotFoundException;
import com.rapport.support.error.RemoteUnavailableException;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.util.WebUtils;

/**
 * What every page needs (who is signed in, the gateway's CSRF token for the logout form) and the error
 * pages: a record the viewer may not see is "not found", like one that does not exist; a service that is
 * down gives a clear page that says so, never a stack trace.
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageModelAdvice {

	private static final Logger log = LoggerFactory.getLogger(PageModelAdvice.class);

	/** The gateway issues this cookie; a form posting back through the gateway must echo it. */
	static final String CSRF_COOKIE = "XSRF-TOKEN";

	@ModelAttribute("viewer")
	Viewer viewer(Authentication authentication) {
		return authentication instanceof JwtAuthenticationToken jwt ? Viewer.of(jwt) : null;
	}

	@ModelAttribute("csrfToken")
	String csrfToken(HttpServletRequest request) {
		var cookie = WebUtils.getCookie(request, CSRF_COOKIE);
		return cookie != null ? cookie.getValue() : "";
	}

	@ExceptionHandler(NotFoundException.class)
	String notFound(HttpServletResponse response) {
		response.setStatus(HttpServletResponse.SC_NOT_FOUND);
		return "error/not-found";
	}

	@ExceptionHandler(AccessDeniedException.class)
	String forbidden(HttpServletResponse response) {
		response.setStatus(HttpServletResponse.SC_FORBIDDEN);
		return "error/forbidden";
	}

	@ExceptionHandler(RemoteUnavailableException.class)
	String unavailable(RemoteUnavailableException ex, HttpServletResponse response) {
		log.warn("Page not rendered: {}", ex.getMessage());
		response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
		response.setHeader("Retry-After", "5");
		return "error/unavailable";
	}
}
