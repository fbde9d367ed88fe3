package com.rapport.ordertracking.order.web;

import java.util.function.Supplier;
import java.util.regex.Pattern;

import com.rapport.ordertracking.idempotency.IdempotentRequests;
import com.rapport.ordertracking.order.SyncFollows;
import com.rapport.support.error.Message;
import com.rapport.support.error.UnprocessableException;
import com.rapport.support.security.Caller;
import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/** Every partner write of orders under the one {@code Idempotency-Key} rule ({@link IdempotentRequests}). */
@Component
class IdempotencyKeys {

	/** Visible ASCII only: a key travels in headers and logs, where other bytes are read differently by each hop. */
	private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,200}");

	private final IdempotentRequests requests;

	private final JsonMapper json;

	IdempotencyKeys(IdempotentRequests requests, JsonMapper json) {
		this.requests = requests;
		this.json = json;
	}

	/** Runs the write once per key: the same method, path and body replays its answer. */
	ResponseEntity<?> once(HttpServletRequest http, String key, Object body, Supplier<ResponseEntity<?>> write) {
		if (key != null && !KEY.matcher(key).matches()) {
			throw UnprocessableException.field(Message.of("orders.idempotency-key.invalid"), "Idempotency-Key",
					Message.of("orders.idempotency-key.format"));
		}
		String request = http.getMethod() + " " + http.getRequestURI() + "\n" + json.writeValueAsString(body);
		// With a key, the kept answer's synced write follows the order's and commits it too (SyncFollows).
		return requests.run(Caller.current().name(), key, request,
				key == null ? write : () -> SyncFollows.around(write));
	}
}
