package com.rapport.systemtests;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, byte for byte: unlike {@link java.net.http.HttpClient} it sends what a careless
 * client really sends (bad percent-encoding, non-ASCII header bytes, over-long lines, a Content-Length larger
 * than the body). One request per connection ({@code Connection: close}).
 */
final class RawHttp {

	/** A request as bytes on the wire, except the body, which may be cut short of its announced length. */
	record Request(String method, byte[] target, Map<String, byte[]> headers, byte[] body, long announcedLength) {

		static Request of(String method, String target, Map<String, byte[]> headers, byte[] body) {
			return new Request(method, target.getBytes(StandardCharsets.ISO_8859_1), headers, body,
					body == null ? -1 : body.length);
		}

		String describe() {
			StringBuilder text = new StringBuilder(method).append(' ')
				.append(shorten(new String(target, StandardCharsets.ISO_8859_1)));
			headers.forEach((name, value) -> text.append(" | ").append(name).append(": ")
				.append(shorten(new String(value, StandardCharsets.ISO_8859_1))));
			if (body != null) {
				text.append(" | body(").append(announcedLength).append("): ")
					.append(shorten(new String(body, StandardCharsets.ISO_8859_1)));
			}
			return text.toString().replaceAll("\\p{Cntrl}", "?");
		}

		private static String shorten(String text) {
			return text.length() <= 160 ? text : text.substring(0, 150) + "…(" + text.length() + ")";
		}
	}

	record Response(int status, Map<String, String> headers, String body) {

		String contentType() {
			return headers.getOrDefault("content-type", "");
		}
	}

	private RawHttp() {
	}

	static Response send(String host, int port, Request request) throws IOException {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(host, port), 5_000);
			socket.setSoTimeout(30_000);
			OutputStream out = socket.getOutputStream();
			ByteArrayOutputStream head = new ByteArrayOutputStream();
			head.write((request.method() + " ").getBytes(StandardCharsets.ISO_8859_1));
			head.write(request.target());
			head.write(" HTTP/1.1\r\n".getBytes(StandardCharsets.ISO_8859_1));
			head.write(("Host: " + host + ":" + port + "\r\nConnection: close\r\n").getBytes(StandardCharsets.ISO_8859_1));
			for (Map.Entry<String, byte[]> header : request.headers().entrySet()) {
				head.write((header.getKey() + ": ").getBytes(StandardCharsets.ISO_8859_1));
				head.write(header.getValue());
				head.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
			}
			if (request.body() != null) {
				head.write(("Content-Length: " + request.announcedLength() + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
			}
			head.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
			try {
				out.write(head.toByteArray());
				if (request.body() != null) {
					out.write(request.body());
				}
				out.flush();
			}
			catch (IOException ex) {
				// The server may answer and close before reading all we send (an over-long request): read its answer.
			}
			return read(socket.getInputStream());
		}
	}

	private static Response read(InputStream in) throws IOException {
		byte[] all = in.readAllBytes();
		String text = new String(all, StandardCharsets.ISO_8859_1);
		int end = text.indexOf("\r\n\r\n");
		if (!text.startsWith("HTTP/1.1 ") || end < 0) {
			throw new IOException("No HTTP answer: " + text.substring(0, Math.min(text.length(), 200)));
		}
		String[] lines = text.substring(0, end).split("\r\n");
		int status = Integer.parseInt(lines[0].substring(9, 12));
		Map<String, String> headers = new LinkedHashMap<>();
		for (int i = 1; i < lines.length; i++) {
			int colon = lines[i].indexOf(':');
			if (colon > 0) {
				headers.putIfAbsent(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
						lines[i].substring(colon + 1).trim());
			}
		}
		byte[] raw = java.util.Arrays.copyOfRange(all, end + 4, all.length);
		if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
			raw = unchunk(raw);
		}
		return new Response(status, headers, new String(raw, StandardCharsets.UTF_8));
	}

	private static byte[] unchunk(byte[] chunked) {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		int position = 0;
		while (position < chunked.length) {
			int lineEnd = indexOf(chunked, position);
			if (lineEnd < 0) {
				break;
			}
			String sizeText = new String(chunked, position, lineEnd - position, StandardCharsets.ISO_8859_1);
			int size = Integer.parseInt(sizeText.split(";")[0].trim(), 16);
			if (size == 0) {
				break;
			}
			body.write(chunked, lineEnd + 2, Math.min(size, chunked.length - lineEnd - 2));
			position = lineEnd + 2 + size + 2;
		}
		return body.toByteArray();
	}

	private static int indexOf(byte[] bytes, int from) {
		for (int i = from; i + 1 < bytes.length; i++) {
			if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
				return i;
			}
		}
		return -1;
	}
}
