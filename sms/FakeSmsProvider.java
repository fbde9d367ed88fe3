import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A fake SMS provider for the demo and the tests: a small real HTTP server (the JDK's) that takes what Rapport's SMS
 * sender posts and keeps it in memory. Run it as a single source file, no build: {@code java sms/FakeSmsProvider.java
 * [port]} (0: any free port; it prints {@code fake-sms listening on <port>} once ready). Development use only.
 *
 * <pre>
 * POST /messages          {"id", "to", "from", "text"} as JSON, HTTP Basic (FAKESMS_USER / FAKESMS_PASSWORD when set):
 *                         201 {"id", "status": "accepted"}; a repeat of an id is 200 and counted, not kept twice;
 *                         400 without "to" or "text"; 401 with wrong credentials; 503 while failing (below)
 * GET  /messages[?to=+86…] the messages received, oldest first, as JSON (each with "received": how often it came)
 * GET  /                  the same as a page
 * POST /control/fail?count=n  answer the next n posts 503 (a provider outage, for tests); count=0 ends it
 * DELETE /messages        forget every message
 * GET  /health            200 "ok"
 * </pre>
 */
public class FakeSmsProvider {

	record Received(String id, String to, String from, String text, Instant at, AtomicInteger received) {
	}

	private static final Map<String, Received> MESSAGES = new LinkedHashMap<>();

	private static final AtomicInteger FAILING = new AtomicInteger();

	private static final AtomicInteger POSTS = new AtomicInteger();

	public static void main(String[] args) throws IOException {
		int port = Integer.parseInt(args.length > 0 ? args[0] : System.getenv().getOrDefault("FAKESMS_PORT", "8026"));
		String host = System.getenv().getOrDefault("FAKESMS_HOST", "127.0.0.1");
		String user = System.getenv().getOrDefault("FAKESMS_USER", "");
		String password = System.getenv().getOrDefault("FAKESMS_PASSWORD", "");
		HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 50);
		server.setExecutor(Executors.newFixedThreadPool(4));
		server.createContext("/health", x -> answer(x, 200, "text/plain", "ok"));
		server.createContext("/control/fail", x -> {
			if (!x.getRequestMethod().equals("POST")) {
				answer(x, 405, "text/plain", "POST only");
				return;
			}
			String count = query(x).getOrDefault("count", "1");
			FAILING.set(Integer.parseInt(count));
			answer(x, 200, "application/json", "{\"failing\": " + FAILING.get() + "}");
		});
		server.createContext("/messages", x -> {
			switch (x.getRequestMethod()) {
				case "POST" -> receive(x, user, password);
				case "GET" -> answer(x, 200, "application/json", list(query(x).get("to")));
				case "DELETE" -> {
					synchronized (MESSAGES) {
						MESSAGES.clear();
					}
					answer(x, 204, "text/plain", "");
				}
				default -> answer(x, 405, "text/plain", "GET, POST or DELETE");
			}
		});
		server.createContext("/", x -> answer(x, x.getRequestURI().getPath().equals("/") ? 200 : 404,
				"text/html; charset=utf-8", page()));
		server.start();
		System.out.println("fake-sms listening on " + server.getAddress().getPort());
		System.out.flush();
	}

	private static void receive(HttpExchange x, String user, String password) throws IOException {
		POSTS.incrementAndGet();
		if (!user.isEmpty()) {
			String expected = "Basic " + Base64.getEncoder()
				.encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
			if (!expected.equals(x.getRequestHeaders().getFirst("Authorization"))) {
				answer(x, 401, "application/json", "{\"error\": \"bad credentials\"}");
				return;
			}
		}
		if (FAILING.get() > 0) {
			FAILING.decrementAndGet();
			answer(x, 503, "application/json", "{\"error\": \"temporarily unavailable\"}");
			return;
		}
		Map<String, String> body;
		try (InputStream in = x.getRequestBody()) {
			body = flatJson(new String(in.readAllBytes(), StandardCharsets.UTF_8));
		}
		catch (IllegalArgumentException ex) {
			answer(x, 400, "application/json", "{\"error\": \"not a flat JSON object\"}");
			return;
		}
		String to = body.getOrDefault("to", "");
		String text = body.getOrDefault("text", "");
		if (to.isBlank() || text.isBlank()) {
			answer(x, 400, "application/json", "{\"error\": \"to and text are required\"}");
			return;
		}
		String id = body.getOrDefault("id", "fake-" + POSTS.get());
		boolean repeat;
		synchronized (MESSAGES) {
			Received earlier = MESSAGES.get(id);
			repeat = earlier != null;
			if (repeat) {
				earlier.received().incrementAndGet();
			}
			else {
				MESSAGES.put(id, new Received(id, to, body.getOrDefault("from", ""), text, Instant.now(),
						new AtomicInteger(1)));
			}
		}
		System.out.println((repeat ? "repeat " : "SMS ") + "to " + to + ": " + text);
		answer(x, repeat ? 200 : 201, "application/json",
				"{\"id\": " + quote(id) + ", \"status\": \"" + (repeat ? "repeat" : "accepted") + "\"}");
	}

	private static String list(String to) {
		List<String> items = new ArrayList<>();
		synchronized (MESSAGES) {
			for (Received m : MESSAGES.values()) {
				if (to == null || to.equals(m.to())) {
					items.add("{\"id\": " + quote(m.id()) + ", \"to\": " + quote(m.to()) + ", \"from\": "
							+ quote(m.from()) + ", \"text\": " + quote(m.text()) + ", \"receivedAt\": \"" + m.at()
							+ "\", \"received\": " + m.received().get() + "}");
				}
			}
		}
		return "[" + String.join(",\n ", items) + "]";
	}

	private static String page() {
		StringBuilder rows = new StringBuilder();
		synchronized (MESSAGES) {
			for (Received m : MESSAGES.values()) {
				rows.append("<tr><td>").append(html(m.at().toString())).append("</td><td>").append(html(m.to()))
					.append("</td><td>").append(html(m.text())).append("</td><td>").append(m.received().get())
					.append("</td></tr>\n");
			}
		}
		return "<!doctype html><html><head><meta charset=\"utf-8\"><meta name=\"viewport\" "
				+ "content=\"width=device-width, initial-scale=1\"><title>Fake SMS provider</title><style>"
				+ "body{font-family:sans-serif;margin:1rem}table{border-collapse:collapse;width:100%}"
				+ "td,th{border-bottom:1px solid #ddd;padding:.4rem;text-align:left;vertical-align:top;"
				+ "overflow-wrap:anywhere}</style></head><body><h1>Fake SMS provider</h1>"
				+ "<p>Messages received (newest last; JSON: <a href=\"/messages\">/messages</a>).</p><table><thead>"
				+ "<tr><th>Received</th><th>To</th><th>Text</th><th>Times</th></tr></thead><tbody>\n" + rows
				+ "</tbody></table></body></html>";
	}

	private static Map<String, String> query(HttpExchange x) {
		Map<String, String> values = new LinkedHashMap<>();
		String raw = x.getRequestURI().getRawQuery();
		if (raw != null) {
			for (String pair : raw.split("&")) {
				int eq = pair.indexOf('=');
				if (eq > 0) {
					values.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
							URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
				}
			}
		}
		return values;
	}

	/** A flat JSON object of string (or bare) values: all this provider reads. */
	static Map<String, String> flatJson(String json) {
		Map<String, String> values = new LinkedHashMap<>();
		String s = json.strip();
		if (!s.startsWith("{") || !s.endsWith("}")) {
			throw new IllegalArgumentException("not an object");
		}
		int i = 1;
		while (i < s.length() - 1) {
			i = skip(s, i);
			if (s.charAt(i) == '}') {
				break;
			}
			StringBuilder key = new StringBuilder();
			i = string(s, i, key);
			i = skip(s, i);
			if (s.charAt(i) != ':') {
				throw new IllegalArgumentException("no colon");
			}
			i = skip(s, i + 1);
			StringBuilder value = new StringBuilder();
			if (s.charAt(i) == '"') {
				i = string(s, i, value);
			}
			else {
				while (i < s.length() - 1 && s.charAt(i) != ',' && s.charAt(i) != '}') {
					value.append(s.charAt(i++));
				}
			}
			values.put(key.toString(), value.toString().strip());
			i = skip(s, i);
			if (s.charAt(i) == ',') {
				i++;
			}
		}
		return values;
	}

	private static int skip(String s, int i) {
		while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
			i++;
		}
		return i;
	}

	private static int string(String s, int i, StringBuilder out) {
		if (s.charAt(i) != '"') {
			throw new IllegalArgumentException("no string");
		}
		i++;
		while (s.charAt(i) != '"') {
			char c = s.charAt(i++);
			if (c == '\\') {
				char e = s.charAt(i++);
				switch (e) {
					case 'n' -> out.append('\n');
					case 't' -> out.append('\t');
					case 'r' -> out.append('\r');
					case 'b' -> out.append('\b');
					case 'f' -> out.append('\f');
					case 'u' -> {
						out.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
						i += 4;
					}
					default -> out.append(e);
				}
			}
			else {
				out.append(c);
			}
		}
		return i + 1;
	}

	private static String quote(String value) {
		StringBuilder out = new StringBuilder("\"");
		for (char c : value.toCharArray()) {
			switch (c) {
				case '"' -> out.append("\\\"");
				case '\\' -> out.append("\\\\");
				case '\n' -> out.append("\\n");
				case '\r' -> out.append("\\r");
				case '\t' -> out.append("\\t");
				default -> {
					if (c < 0x20) {
						out.append(String.format("\\u%04x", (int) c));
					}
					else {
						out.append(c);
					}
				}
			}
		}
		return out.append('"').toString();
	}

	private static String html(String value) {
		return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
	}

	private static void answer(HttpExchange x, int status, String type, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		x.getResponseHeaders().set("Content-Type", type);
		x.sendResponseHeaders(status, status == 204 ? -1 : bytes.length);
		if (status != 204) {
			try (OutputStream out = x.getResponseBody()) {
				out.write(bytes);
			}
		}
		x.close();
	}
}
