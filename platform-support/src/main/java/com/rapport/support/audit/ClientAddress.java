package com.rapport.support.audit;

import java.util.Optional;

import io.grpc.Context;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The network address the current request or call came from, for the audit trail. On REST: the right-most
 * {@code X-Forwarded-For} value, which the gateway (Spring Cloud Gateway, appending) adds with the address it
 * saw (values left of it are whatever the client sent, so untrusted), else the peer's address. On gRPC: what
 * the server interceptor put into the call's {@link Context} under {@link #CONTEXT_KEY}: the address the
 * calling service forwarded ({@value #METADATA_NAME}) for the person it serves, else the peer's. The services are reachable only
 * through the gateway and from each other, so these headers come from the platform itself.
 */
public final class ClientAddress {

	/** The gRPC metadata in which a service tells the next the address of the person it serves. */
	public static final String METADATA_NAME = "x-rapport-client-address";

	/** The address of the current gRPC call. */
	public static final Context.Key<String> CONTEXT_KEY = Context.key("rapport-client-address");

	/** Longer values are not an address; they are ignored rather than stored. */
	static final int MAX_LENGTH = 100;

	private ClientAddress() {
	}

	/** The address of the current gRPC call or servlet request; empty on a thread that serves neither. */
	public static Optional<String> current() {
		String grpc = CONTEXT_KEY.get();
		if (grpc != null) {
			return Optional.of(grpc);
		}
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes servlet) {
			return Optional.ofNullable(of(servlet.getRequest()));
		}
		return Optional.empty();
	}

	/** The right-most {@code X-Forwarded-For} value, else the peer's address. */
	public static String of(HttpServletRequest request) {
		String forwardedFor = request.getHeader("X-Forwarded-For");
		if (forwardedFor != null) {
			String[] hops = forwardedFor.split(",");
			String last = clean(hops[hops.length - 1]);
			if (last != null) {
				return last;
			}
		}
		return clean(request.getRemoteAddr());
	}

	/** A plausible address (printable ASCII, not too long), stripped; null otherwise. */
	public static String clean(String value) {
		if (value == null) {
			return null;
		}
		String stripped = value.strip();
		if (stripped.isEmpty() || stripped.length() > MAX_LENGTH || !stripped.chars().allMatch(c -> c > 32 && c < 127)) {
			return null;
		}
		return stripped;
	}
}
