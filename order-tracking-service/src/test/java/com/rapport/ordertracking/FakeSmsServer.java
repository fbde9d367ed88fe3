package com.rapport.ordertracking;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The repository's fake SMS provider ({@code sms/FakeSmsProvider.java}, the one {@code ./platform up} starts), run as
 * a real process on a free port: the SMS tests post to it over real HTTP and read back what it received.
 */
public final class FakeSmsServer implements AutoCloseable {

	public static final String USER = "rapport";

	public static final String PASSWORD = "sms-test";

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private Process process;

	private int port;

	private FakeSmsServer() {
	}

	/** Started on a free port. */
	public static FakeSmsServer start() {
		FakeSmsServer server = new FakeSmsServer();
		server.launch(0);
		return server;
	}

	private void launch(int wanted) {
		Path source = Path.of("..", "sms", "FakeSmsProvider.java").toAbsolutePath().normalize();
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		ProcessBuilder builder = new ProcessBuilder(java, "-Xmx48m", "-XX:TieredStopAtLevel=1", source.toString(),
				String.valueOf(wanted)).redirectErrorStream(true);
		builder.environment().put("FAKESMS_USER", USER);
		builder.environment().put("FAKESMS_PASSWORD", PASSWORD);
		try {
			process = builder.start();
			BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
			String line;
			while ((line = out.readLine()) != null) {
				if (line.startsWith("fake-sms listening on ")) {
					port = Integer.parseInt(line.substring("fake-sms listening on ".length()).trim());
					break;
				}
			}
			if (port == 0) {
				throw new IllegalStateException("The fake SMS provider did not start");
			}
			Thread drain = new Thread(() -> {
				try {
					while (out.readLine() != null) {
						// its log of each message: read so that it never blocks on a full pipe
					}
				}
				catch (IOException ended) {
					// the process stopped
				}
			});
			drain.setDaemon(true);
			drain.start();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Where the service posts its messages. */
	public String url() {
		return "http://127.0.0.1:" + port + "/messages";
	}

	/** The provider down: its process stopped. */
	public void stop() {
		process.destroy();
		try {
			process.waitFor(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** Back on the same port, with nothing received. */
	public void restart() {
		launch(port);
	}

	/** What it received, as its JSON ({@code [{"id", "to", "text", "received"...}]}). */
	public String messages() {
		return get("/messages");
	}

	public String messagesTo(String phone) {
		return get("/messages?to=" + java.net.URLEncoder.encode(phone, StandardCharsets.UTF_8));
	}

	public void forget() {
		send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/messages")).DELETE().build());
	}

	private String get(String path) {
		return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build());
	}

	private static String send(HttpRequest request) {
		try {
			return HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public void close() {
		stop();
	}
}
