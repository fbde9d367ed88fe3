package com.rapport.portal.live;

import java.time.Instant;

import jakarta.servlet.http.HttpServletResponse;

import com.rapport.support.security.Caller;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * {@code GET /portal/live}: the contact's organisation's order changes as server-sent events, for the order list
 * and the order page while they are open ({@code js/live.js}). The organisation is the token's, never the
 * address's. {@code since} (epoch milliseconds, when the page was made) is used for the first connection only;
 * a reconnection carries {@code Last-Event-ID}. Beyond a contact's limit of open connections, its oldest ends
 * ({@link LiveStreams}).
 */
@RestController
@PreAuthorize("hasRole('customer')")
class LiveController {

	/** The page's clock and the service's may differ a little: a change seen twice is only shown twice. */
	static final long SINCE_MARGIN_MS = 2000;

	private final LiveStreams streams;

	LiveController(LiveStreams streams) {
		this.streams = streams;
	}

	@GetMapping(path = "/portal/live", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	ResponseEntity<SseEmitter> live(JwtAuthenticationToken authentication,
			@RequestHeader(name = "Last-Event-ID", required = false) String lastEventId,
			@RequestParam(name = "since", required = false) String since, HttpServletResponse response) {
		Caller caller = Caller.from(authentication);
		if (!caller.isCustomer() || caller.customerId().isEmpty()) {
			return ResponseEntity.status(HttpStatus.FORBIDDEN).build();
		}
		// Proxies must not buffer the stream (nginx reads this header).
		response.setHeader("X-Accel-Buffering", "no");
		response.setHeader("Cache-Control", "no-store");
		LiveStreams.Viewer viewer = new LiveStreams.Viewer(caller.name(), caller.customerId().get(), caller.token(),
				authentication.getToken().getExpiresAt());
		return ResponseEntity.ok(streams.open(viewer, number(lastEventId), sinceOf(since)));
	}

	/** A Last-Event-ID that is no position (edited, or from elsewhere) is no resume point. */
	static long number(String value) {
		if (value == null || !value.matches("\\d{1,18}")) {
			return 0;
		}
		return Long.parseLong(value);
	}

	static Instant sinceOf(String value) {
		long millis = number(value);
		return millis <= 0 ? null : Instant.ofEpochMilli(millis - SINCE_MARGIN_MS);
	}
}
