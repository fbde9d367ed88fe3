package com.rapport.benchmarks.gateway;

import io.netty.handler.codec.http.HttpHeaderNames;
import reactor.netty.DisposableServer;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.server.HttpServer;
import reactor.netty.resources.ConnectionProvider;

/**
 * A proxy that does nothing but forward: every request to {@code target} as it came (method, path, headers but
 * {@code Host}, body), every answer back as it came, over kept connections; no token check, no budget, no trace, no
 * log line. Run beside the gateway by the {@code gateway} scenario ({@code --bare-proxy PORT}), in a process of its
 * own as the gateway is, it shows what the two hops alone cost on this machine: a share of the direct throughput no
 * proxy can keep more of here. Not a product part: the harness's yardstick.
 */
public final class BareProxy {

	private BareProxy() {
	}

	/** {@code BareProxy <port> <target base URL>}; runs until killed. */
	public static void main(String[] args) {
		if (args.length != 2) {
			System.err.println("usage: BareProxy <port> <target base URL>");
			System.exit(2);
		}
		DisposableServer server = start(Integer.parseInt(args[0]), args[1]);
		System.out.println("BareProxy on " + server.port() + " to " + args[1]);
		server.onDispose().block();
	}

	static DisposableServer start(int port, String target) {
		HttpClient client = HttpClient.create(ConnectionProvider.create("bare-proxy", 64)).baseUrl(target);
		return HttpServer.create()
			.port(port)
			.handle((request, response) -> client
				.headers(headers -> headers.add(request.requestHeaders()).remove(HttpHeaderNames.HOST))
				.request(request.method())
				.uri(request.uri())
				.send((outgoing, out) -> out.send(request.receive().retain()))
				.response((answer, body) -> response.status(answer.status())
					.headers(answer.responseHeaders())
					.send(body.retain()))
				.then())
			.bindNow();
	}
}
