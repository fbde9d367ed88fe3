package com.rapport.portal.web;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/** A mistyped address in the portal or console gets the not-found page, not an API problem document. */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class UnknownPageAdvice {

	@ExceptionHandler(NoResourceFoundException.class)
	String unknownPage(HttpServletResponse response) {
		response.setStatus(HttpServletResponse.SC_NOT_FOUND);
		return "error/not-found";
	}
}
