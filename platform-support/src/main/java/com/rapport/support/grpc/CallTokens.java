package com.rapport.support.grpc;

import java.util.concurrent.Executor;

import com.rapport.support.security.Caller;
import io.grpc.CallCredentials;
import io.grpc.Metadata;
import io.grpc.Status;

/**
 * The token an outgoing gRPC call carries: the end user's when acting for a user (so the callee applies
 * that user's rights), the service's own client-credentials token otherwise.
 */
public class CallTokens {

	static final Metadata.Key<String> AUTHORIZATION = Metadata.Key.of("authorization",
			Metadata.ASCII_STRING_MARSHALLER);

	private final ServiceTokenProvider serviceTokens;

	public CallTokens(ServiceTokenProvider serviceTokens) {
		this.serviceTokens = serviceTokens;
	}

	/** Acts for the caller of the current request; the token is taken now, on the request's thread. */
	public CallCredentials forCurrentCaller() {
		return bearer(Caller.current().token());
	}

	/** Acts as this service (role {@code internal}). */
	public CallCredentials asService() {
		return new CallCredentials() {
			@Override
			public void applyRequestMetadata(RequestInfo requestInfo, Executor appExecutor, MetadataApplier applier) {
				appExecutor.execute(() -> {
					try {
						Metadata headers = new Metadata();
						headers.put(AUTHORIZATION, "Bearer " + serviceTokens.token());
						applier.apply(headers);
					}
					catch (RuntimeException ex) {
						applier.fail(Status.UNAVAILABLE.withDescription("Cannot obtain a service token").withCause(ex));
					}
				});
			}
		};
	}

	public static CallCredentials bearer(String token) {
		return new CallCredentials() {
			@Override
			public void applyRequestMetadata(RequestInfo requestInfo, Executor appExecutor, MetadataApplier applier) {
				Metadata headers = new Metadata();
				headers.put(AUTHORIZATION, "Bearer " + token);
				applier.apply(headers);
			}
		};
	}
}
