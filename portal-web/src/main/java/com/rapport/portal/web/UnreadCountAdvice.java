package com.rapport.portal.web;

import jakarta.servlet.http.HttpServletRequest;

import com.rapport.portal.remote.InboxClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The unread count of the contact's inbox, for the header of every portal page a customer contact sees. Asked of
 * order-tracking-service with a short deadline on full page views only (not on posts that redirect, nor on htmx
 * fragments, which have no header); when it cannot answer the header shows the inbox without a count and the page
 * is rendered anyway. The inbox page shows its own, fresher count. Page slices without the client (other pages'
 * tests) show no count.
 */
@ControllerAdvice(annotations = Controller.class)
class UnreadCountAdvice {

	private static final Logger log = LoggerFactory.getLogger(UnreadCountAdvice.class);

	private final ObjectProvider<InboxClient> inbox;

	UnreadCountAdvice(ObjectProvider<InboxClient> inbox) {
		this.inbox = inbox;
	}

	@ModelAttribute("unreadCount")
	Long unreadCount(Authentication authentication, HttpServletRequest request) {
		if (!(authentication instanceof JwtAuthenticationToken jwt) || !Viewer.of(jwt).customer()
				|| !"GET".equals(request.getMethod()) || request.getHeader("HX-Request") != null
				|| !request.getRequestURI().startsWith("/portal") || request.getRequestURI().equals("/portal/inbox")) {
			return null;
		}
		InboxClient client = inbox.getIfAvailable();
		if (client == null) {
			return null;
		}
		try {
			return client.unread();
		}
		catch (RuntimeException unanswered) {
			log.debug("No unread count for the header: {}", unanswered.getMessage());
			return null;
		}
	}
}
