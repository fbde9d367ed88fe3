package com.rapport.support.audit.grpc;

import java.util.Optional;

import com.rapport.support.audit.ClientAddress;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ForwardingClientCall;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;

/**
 * Tells the called service where the person or partner behind this call came from: when the calling thread
 * serves a REST request or a gRPC call, its {@link ClientAddress} goes along as
 * {@value ClientAddress#METADATA_NAME}. Taken when the call is made, on the caller's thread;
 * calls of the service's own background work carry none, and the callee sees the service's address.
 */
class ClientAddressClientInterceptor implements ClientInterceptor {

	@Override
	public <ReqT, RespT> ClientCall<ReqT, RespT> interceptCall(MethodDescriptor<ReqT, RespT> method,
			CallOptions callOptions, Channel next) {
		Optional<String> address = ClientAddress.current();
		ClientCall<ReqT, RespT> call = next.newCall(method, callOptions);
		if (address.isEmpty()) {
			return call;
		}
		return new ForwardingClientCall.SimpleForwardingClientCall<>(call) {
			@Override
			public void start(Listener<RespT> listener, Metadata headers) {
				headers.removeAll(ClientAddressServerInterceptor.METADATA_KEY);
				headers.put(ClientAddressServerInterceptor.METADATA_KEY, address.get());
				super.start(listener, headers);
			}
		};
	}
}
