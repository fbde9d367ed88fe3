package com.rapport.ticket.ticket.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a body announced larger than {@code rapport.tickets.max-request-body} with 413 (a problem document,
 * from the shared error controller) before anything reads it: a ticket's text is at most 20,000 characters,
 * so a larger body is never a ticket. The gateway's own, larger limit also covers bodies sent without a length.
 */
@Component
class RequestSizeLimit extends OncePerRequestFilter {

	private final long maxBytes;

	RequestSizeLimit(@Value("${rapport.tickets.max-request-body:256KB}") DataSize max) {
		this.maxBytes = max.toBytes();
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !request.getRequestURI().startsWith("/api/tickets/");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (request.getContentLengthLong() > maxBytes) {
			response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
			return;
		}
		chain.doFilter(request, response);
	}
}
