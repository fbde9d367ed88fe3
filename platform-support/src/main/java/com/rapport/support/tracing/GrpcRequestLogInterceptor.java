package com.rapport.support.tracing;

import io.grpc.ForwardingServerCall.SimpleForwardingServerCall;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One line per gRPC call once closed ({@code rapport.customer.v1.TimelineService/RecordInteraction OK 4 ms}),
 * inside the call's trace (continued from the caller's {@code traceparent}), so the line carries its trace id;
 * the health service's calls (probes) are left out.
 */
public class GrpcRequestLogInterceptor implements ServerInterceptor {

	private static final Logger log = LoggerFactory.getLogger(GrpcRequestLogInterceptor.class);

	@Override
	public <Q, A> ServerCall.Listener<Q> interceptCall(ServerCall<Q, A> call, Metadata headers,
			ServerCallHandler<Q, A> next) {
		String method = call.getMethodDescriptor().getFullMethodName();
		if (method.startsWith("grpc.health.")) {
			return next.startCall(call, headers);
		}
		long start = System.nanoTime();
		return next.startCall(new SimpleForwardingServerCall<>(call) {
			@Override
			public void close(Status status, Metadata trailers) {
				log.info("{} {} {} ms", method, status.getCode(), (System.nanoTime() - start) / 1_000_000);
				super.close(status, trailers);
			}
		}, headers);
	}
}
