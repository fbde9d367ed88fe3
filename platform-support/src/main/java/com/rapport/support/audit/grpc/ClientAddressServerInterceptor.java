package com.rapport.support.audit.grpc;

import java.net.InetSocketAddress;
import java.net.SocketAddress;

import com.rapport.support.audit.ClientAddress;
import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Grpc;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;

import org.springframework.core.Ordered;

/**
 * Puts the address of the person or system behind a gRPC call into the call's {@link Context}, where
 * {@link ClientAddress#current()} finds it: the {@value ClientAddress#METADATA_NAME} metadata a calling service sent for the
 * person it serves (portal-web for a browser), else the peer's own address. First of all interceptors, and
 * through {@link Contexts#interceptCall}, so that the service method and every later interceptor see it.
 */
class ClientAddressServerInterceptor implements ServerInterceptor, Ordered {

	static final Metadata.Key<String> METADATA_KEY = Metadata.Key.of(ClientAddress.METADATA_NAME,
			Metadata.ASCII_STRING_MARSHALLER);

	@Override
	public <ReqT, RespT> ServerCall.Listener<ReqT> interceptCall(ServerCall<ReqT, RespT> call, Metadata headers,
			ServerCallHandler<ReqT, RespT> next) {
		String address = ClientAddress.clean(headers.get(METADATA_KEY));
		if (address == null) {
			address = peer(call.getAttributes().get(Grpc.TRANSPORT_ATTR_REMOTE_ADDR));
		}
		if (address == null) {
			return next.startCall(call, headers);
		}
		return Contexts.interceptCall(Context.current().withValue(ClientAddress.CONTEXT_KEY, address), call, headers,
				next);
	}

	/** The IP address without the port; the in-process transport's name in tests. */
	static String peer(SocketAddress remote) {
		if (remote instanceof InetSocketAddress inet && inet.getAddress() != null) {
			return inet.getAddress().getHostAddress();
		}
		return remote == null ? null : ClientAddress.clean(remote.toString());
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}
}
