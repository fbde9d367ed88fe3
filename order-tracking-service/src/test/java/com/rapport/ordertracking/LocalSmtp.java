package com.rapport.ordertracking;

import java.io.IOException;
import java.net.ServerSocket;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import org.springframework.test.context.DynamicPropertyRegistry;

/** A real SMTP server in the test JVM (GreenMail) on a free port, for the tests of what this service mails. */
public final class LocalSmtp {

	private LocalSmtp() {
	}

	/** A port nothing listens on now. */
	public static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Points the service's mail sender at the server on {@code port}. */
	public static void use(DynamicPropertyRegistry registry, int port) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> port);
	}

	/** GreenMail's SMTP on 127.0.0.1 at {@code port}, started. */
	public static GreenMail started(int port) {
		GreenMail server = new GreenMail(new ServerSetup(port, "127.0.0.1", "smtp"));
		server.start();
		return server;
	}
}
