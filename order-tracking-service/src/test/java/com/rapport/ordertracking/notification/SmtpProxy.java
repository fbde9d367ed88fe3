package com.rapport.ordertracking.notification;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP relay in front of a real SMTP server (GreenMail) that counts the connections made through it, and can stand
 * in for a server that refuses a command (answers it with a reply of its own instead of passing it on) or drops every
 * open connection, as a restarted server or one whose idle timeout ran out does.
 */
final class SmtpProxy implements AutoCloseable {

	private final int target;

	private final ServerSocket listening;

	private final AtomicInteger connections = new AtomicInteger();

	private final List<Socket> open = new CopyOnWriteArrayList<>();

	private volatile String refusedPrefix;

	private volatile String refusal;

	private SmtpProxy(int target) throws IOException {
		this.target = target;
		this.listening = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		Thread acceptor = new Thread(this::accept, "smtp-proxy");
		acceptor.setDaemon(true);
		acceptor.start();
	}

	static SmtpProxy to(int smtpPort) {
		try {
			return new SmtpProxy(smtpPort);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	int port() {
		return listening.getLocalPort();
	}

	/** How many connections were made through the relay. */
	int connections() {
		return connections.get();
	}

	/** Answers every command starting with {@code prefix} (case-insensitive) with {@code reply}; null stops it. */
	void refuse(String prefix, String reply) {
		this.refusedPrefix = prefix == null ? null : prefix.toUpperCase(java.util.Locale.ROOT);
		this.refusal = reply;
	}

	/** Closes every connection open now, on both sides. */
	void dropOpenConnections() {
		open.forEach(SmtpProxy::closeQuietly);
		open.clear();
	}

	@Override
	public void close() {
		closeQuietly(listening);
		dropOpenConnections();
	}

	private void accept() {
		while (!listening.isClosed()) {
			try {
				Socket client = listening.accept();
				Socket server = new Socket(InetAddress.getLoopbackAddress(), target);
				connections.incrementAndGet();
				open.add(client);
				open.add(server);
				start(() -> copy(server.getInputStream(), client.getOutputStream(), client, server));
				start(() -> commands(client.getInputStream(), server.getOutputStream(), client.getOutputStream(), client,
						server));
			}
			catch (IOException ex) {
				// closed
			}
		}
	}

	private static void start(IoTask task) {
		Thread thread = new Thread(() -> {
			try {
				task.run();
			}
			catch (IOException ex) {
				// a side closed
			}
		}, "smtp-proxy-pipe");
		thread.setDaemon(true);
		thread.start();
	}

	private static void copy(InputStream in, OutputStream out, Socket a, Socket b) throws IOException {
		try {
			byte[] buffer = new byte[8192];
			int read;
			while ((read = in.read(buffer)) >= 0) {
				synchronized (out) {
					out.write(buffer, 0, read);
					out.flush();
				}
			}
		}
		finally {
			closeQuietly(a);
			closeQuietly(b);
		}
	}

	/** Client to server, line by line, so that a command can be refused. */
	private void commands(InputStream in, OutputStream toServer, OutputStream toClient, Socket a, Socket b)
			throws IOException {
		try {
			ByteArrayOutputStream line = new ByteArrayOutputStream();
			int c;
			while ((c = in.read()) >= 0) {
				line.write(c);
				if (c != '\n') {
					continue;
				}
				byte[] bytes = line.toByteArray();
				line.reset();
				String prefix = refusedPrefix;
				if (prefix != null && new String(bytes, StandardCharsets.US_ASCII).toUpperCase(java.util.Locale.ROOT)
					.startsWith(prefix)) {
					synchronized (toClient) {
						toClient.write((refusal + "\r\n").getBytes(StandardCharsets.US_ASCII));
						toClient.flush();
					}
					continue;
				}
				toServer.write(bytes);
				toServer.flush();
			}
		}
		finally {
			closeQuietly(a);
			closeQuietly(b);
		}
	}

	private static void closeQuietly(java.io.Closeable closeable) {
		try {
			closeable.close();
		}
		catch (IOException ex) {
			// already closed
		}
	}

	@FunctionalInterface
	private interface IoTask {

		void run() throws IOException;
	}
}
