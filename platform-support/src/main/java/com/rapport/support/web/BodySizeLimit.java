package com.rapport.support.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;

import com.rapport.support.error.Message;
import com.rapport.support.message.Texts;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a write (POST, PUT, PATCH) under a path prefix whose body is larger than a limit with {@code 413
 * too-large} ({@code reason} {@code problem.too-large.limit}, in the reader's language) before anything of it is
 * parsed or stored: at once when the length is announced, else after reading one byte more than allowed. A
 * service declares one as a bean for its API, with its own limit; as a servlet filter bean it runs after
 * authentication (no token is 401 whatever the size). The gateway has a larger limit of its own; this one holds
 * for callers inside the cluster too.
 */
public class BodySizeLimit extends OncePerRequestFilter {

	private static final java.util.Set<String> WRITES = java.util.Set.of("POST", "PUT", "PATCH");

	private final String pathPrefix;

	private final long limit;

	private final Texts texts;

	private final JsonMapper json;

	public BodySizeLimit(String pathPrefix, DataSize limit, MessageSource messages, JsonMapper json) {
		this.pathPrefix = pathPrefix;
		this.limit = limit.toBytes();
		this.texts = new Texts(messages);
		this.json = json;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !WRITES.contains(request.getMethod()) || !request.getRequestURI().startsWith(pathPrefix);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		long announced = request.getContentLengthLong();
		if (announced > limit) {
			refuse(response);
			return;
		}
		if (announced >= 0) {
			chain.doFilter(request, response);
			return;
		}
		byte[] body = request.getInputStream().readNBytes((int) Math.min(limit + 1, Integer.MAX_VALUE));
		if (body.length > limit) {
			refuse(response);
			return;
		}
		chain.doFilter(new Buffered(request, body), response);
	}

	private void refuse(HttpServletResponse response) throws IOException {
		ProblemDetail problem = Problems.of(HttpStatus.CONTENT_TOO_LARGE, "too-large",
				texts.say(Message.of("problem.title.too-large")), texts.say(Message.of("problem.too-large.limit", limit)));
		problem.setProperty("reason", "problem.too-large.limit");
		response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setHeader("Connection", "close");
		response.getOutputStream().write(json.writeValueAsBytes(problem));
	}

	/** A request whose body was read already, handed on from memory. */
	private static final class Buffered extends HttpServletRequestWrapper {

		private final byte[] body;

		Buffered(HttpServletRequest request, byte[] body) {
			super(request);
			this.body = body;
		}

		@Override
		public ServletInputStream getInputStream() {
			ByteArrayInputStream in = new ByteArrayInputStream(body);
			return new ServletInputStream() {

				@Override
				public int read() throws IOException {
					return in.read();
				}

				@Override
				public int read(byte[] b, int off, int len) throws IOException {
					return in.read(b, off, len);
				}

				@Override
				public boolean isFinished() {
					return in.available() == 0;
				}

				@Override
				public boolean isReady() {
					return true;
				}

				@Override
				public void setReadListener(ReadListener listener) {
					throw new UnsupportedOperationException();
				}
			};
		}

		@Override
		public int getContentLength() {
			return body.length;
		}

		@Override
		public long getContentLengthLong() {
			return body.length;
		}
	}
}
