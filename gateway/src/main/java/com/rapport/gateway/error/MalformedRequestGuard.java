package com.rapport.gateway.error;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.concurrent.TimeUnit;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.DuplexChannel;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.util.ReferenceCountUtil;

import org.springframework.http.HttpStatus;

/**
 * Sits right after Netty's HTTP decoder and answers the requests that never reach Spring: a request line or
 * headers over the server's limits (414, 431) and an address that is not a URI at all, such as one with a
 * stray {@code %} (400). Without it Reactor Netty and Spring answer those with an empty body. The answer closes
 * the connection; what the client still sends is dropped.
 */
final class MalformedRequestGuard extends ChannelInboundHandlerAdapter {

	static final String NAME = "rapport.malformedRequestGuard";

	private static final int LINGER_SECONDS = 2;

	private boolean discarding;

	@Override
	public void channelRead(ChannelHandlerContext ctx, Object msg) {
		if (msg instanceof HttpRequest request) {
			HttpStatus refusal = refusal(request);
			if (refusal != null) {
				discarding = true;
				String uri = request.decoderResult().isFailure() ? "" : request.uri();
				String acceptLanguage = request.decoderResult().isFailure() ? null
						: request.headers().get(HttpHeaderNames.ACCEPT_LANGUAGE);
				ReferenceCountUtil.release(msg);
				answer(ctx, refusal, uri, acceptLanguage);
				return;
			}
			discarding = false;
		}
		else if (discarding) {
			ReferenceCountUtil.release(msg);
			return;
		}
		ctx.fireChannelRead(msg);
	}

	static HttpStatus refusal(HttpRequest request) {
		DecoderResult result = request.decoderResult();
		if (result.isFailure()) {
			Throwable cause = result.cause();
			if (cause instanceof TooLongHttpLineException) {
				return HttpStatus.URI_TOO_LONG;
			}
			if (cause instanceof TooLongHttpHeaderException) {
				return HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE;
			}
			return HttpStatus.BAD_REQUEST;
		}
		try {
			new URI(request.uri());
			return null;
		}
		catch (URISyntaxException ex) {
			return HttpStatus.BAD_REQUEST;
		}
	}

	private static void answer(ChannelHandlerContext ctx, HttpStatus status, String uri, String acceptLanguage) {
		// An address too long or unreadable to tell the doors apart is answered as the API would: a partner's
		// client reads the problem document, a browser shows its text.
		boolean page = !uri.isEmpty() && !ErrorAnswers.isApi(uri) && uri.startsWith("/");
		byte[] body = page ? ErrorAnswers.page(status, acceptLanguage) : ErrorAnswers.problem(status, acceptLanguage);
		FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
				HttpResponseStatus.valueOf(status.value()), Unpooled.wrappedBuffer(body));
		response.headers()
			.set(HttpHeaderNames.CONTENT_TYPE, page ? ErrorAnswers.HTML : ErrorAnswers.PROBLEM_JSON)
			.setInt(HttpHeaderNames.CONTENT_LENGTH, body.length)
			.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE)
			.set("X-Content-Type-Options", "nosniff");
		// A lingering close: the client may still be sending what we refused; closing at once would reset the
		// connection and lose the answer. Say we are done, drop what still comes, and close a little later.
		ctx.writeAndFlush(response).addListener(written -> {
			if (ctx.channel() instanceof DuplexChannel duplex && written.isSuccess()) {
				duplex.shutdownOutput();
				ctx.executor().schedule(() -> ctx.close(), LINGER_SECONDS, TimeUnit.SECONDS);
			}
			else {
				ctx.close();
			}
		});
	}
}
