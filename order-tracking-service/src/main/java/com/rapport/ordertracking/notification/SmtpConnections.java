package com.rapport.ordertracking.notification;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Date;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.mail.Address;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;

/**
 * Open SMTP connections to the mail server of {@code spring.mail.*}, kept between mails so that a round's mails
 * (and the next round's, while mail keeps coming) go over the connections already open instead of each opening its
 * own (connect, greeting, EHLO, STARTTLS and AUTH where configured, QUIT). A sender takes one for a mail and gives it
 * back; at most as many are open as mails are handed over at once ({@code rapport.notifications.senders}), one when
 * one sender sends. A connection idle for longer than {@code rapport.notifications.smtp-keep-alive} is closed at the
 * end of a round; one that carried {@value #MAILS_PER_CONNECTION} mails is closed too, as servers limit them.
 * <p>
 * A mail that fails closes its connection, so that the next starts on a fresh one and the others never inherit a
 * broken session. A kept connection the server dropped meanwhile (its idle timeout, a restart) is noticed only when
 * a mail is handed over it: that mail is handed once more over a new connection, unless the server answered it with a
 * refusal. Each mail's outcome stays its own: one that fails throws, and its sender notes that for it alone.
 */
@Component
class SmtpConnections implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(SmtpConnections.class);

	static final int MAILS_PER_CONNECTION = 100;

	static final String STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";

	static final String ANGUS_STREAM_PROVIDER = "org.eclipse.angus.mail.util.MailStreamProvider";

	private final JavaMailSenderImpl server;

	private final long keepAliveNanos;

	private final Deque<Connection> idle = new ArrayDeque<>();

	private final AtomicLong opened = new AtomicLong();

	SmtpConnections(JavaMailSenderImpl server, NotificationProperties properties) {
		this.server = server;
		this.keepAliveNanos = properties.smtpKeepAlive().toNanos();
		nameStreamProvider();
	}

	/**
	 * Jakarta Mail 2.1 looks up its stream provider ({@code StreamProvider.provider()}) afresh for every header it
	 * encodes or decodes and every body it writes: without the system property that names it, by a
	 * {@link java.util.ServiceLoader} scan of every jar on the class path. A JFR recording of the sending round
	 * found that scan in 18 % of the senders' CPU samples (over half of a mail's own); named, it is a class look-up.
	 * Angus Mail's provider is the one the scan finds; a property set otherwise is left alone.
	 */
	static void nameStreamProvider() {
		if (System.getProperty(STREAM_PROVIDER) == null
				&& ClassUtils.isPresent(ANGUS_STREAM_PROVIDER, SmtpConnections.class.getClassLoader())) {
			System.setProperty(STREAM_PROVIDER, ANGUS_STREAM_PROVIDER);
		}
	}

	/** A new, empty message of the mail server's session. */
	MimeMessage newMessage() {
		return server.createMimeMessage();
	}

	/**
	 * Hands {@code message} to the server over a kept connection, or a new one; answers when the server accepted it.
	 * The message's own Message-ID is kept.
	 */
	void send(MimeMessage message) throws MailException {
		Address[] to;
		try {
			if (message.getSentDate() == null) {
				message.setSentDate(new Date());
			}
			String messageId = message.getMessageID();
			message.saveChanges();
			if (messageId != null) {
				message.setHeader("Message-ID", messageId);
			}
			to = message.getAllRecipients();
		}
		catch (MessagingException ex) {
			throw new org.springframework.mail.MailPreparationException(ex);
		}
		Connection kept = take();
		Connection connection = kept != null ? kept : open();
		try {
			connection.send(message, to);
		}
		catch (MessagingException | IllegalStateException ex) {
			connection.close();
			if (kept == null || ex instanceof SendFailedException) {
				throw new MailSendException("The mail server did not take the mail", ex);
			}
			log.debug("A kept SMTP connection failed ({}); the mail goes over a new one", ex.toString());
			connection = open();
			try {
				connection.send(message, to);
			}
			catch (MessagingException | IllegalStateException again) {
				connection.close();
				throw new MailSendException("The mail server did not take the mail", again);
			}
		}
		giveBack(connection);
	}

	/** Closes the connections idle for longer than the keep-alive (at the end of each round). */
	void closeIdle() {
		long now = System.nanoTime();
		List<Connection> stale = new ArrayList<>();
		synchronized (idle) {
			idle.removeIf(c -> {
				boolean old = now - c.lastUsed > keepAliveNanos;
				if (old) {
					stale.add(c);
				}
				return old;
			});
		}
		stale.forEach(Connection::close);
	}

	/** How many connections were opened since the start (the metric's figure, and for tests). */
	long opened() {
		return opened.get();
	}

	/** How many are open and idle now. */
	int idleCount() {
		synchronized (idle) {
			return idle.size();
		}
	}

	@Override
	public void destroy() {
		List<Connection> all;
		synchronized (idle) {
			all = new ArrayList<>(idle);
			idle.clear();
		}
		all.forEach(Connection::close);
	}

	/** The most recently used idle connection (the least likely to have been dropped), or null. */
	private Connection take() {
		long now = System.nanoTime();
		List<Connection> stale = new ArrayList<>();
		Connection found = null;
		synchronized (idle) {
			while (found == null && !idle.isEmpty()) {
				Connection c = idle.pollFirst();
				if (now - c.lastUsed > keepAliveNanos) {
					stale.add(c);
				}
				else {
					found = c;
				}
			}
		}
		stale.forEach(Connection::close);
		return found;
	}

	private void giveBack(Connection connection) {
		if (connection.mails >= MAILS_PER_CONNECTION) {
			connection.close();
			return;
		}
		connection.lastUsed = System.nanoTime();
		synchronized (idle) {
			idle.addFirst(connection);
		}
	}

	private Connection open() throws MailException {
		try {
			Transport transport = server.getSession().getTransport(server.getProtocol() == null ? "smtp" : server.getProtocol());
			transport.connect(server.getHost(), server.getPort(), blankAsNull(server.getUsername()),
					blankAsNull(server.getPassword()));
			opened.incrementAndGet();
			return new Connection(transport);
		}
		catch (AuthenticationFailedException ex) {
			throw new MailAuthenticationException(ex);
		}
		catch (MessagingException ex) {
			throw new MailSendException("The mail server could not be reached", ex);
		}
	}

	private static String blankAsNull(String value) {
		return value == null || value.isEmpty() ? null : value;
	}

	/** One open SMTP session, used by one sender at a time. */
	private static final class Connection {

		private final Transport transport;

		private int mails;

		private long lastUsed = System.nanoTime();

		Connection(Transport transport) {
			this.transport = transport;
		}

		void send(MimeMessage message, Address[] to) throws MessagingException {
			transport.sendMessage(message, to == null ? new Address[0] : to);
			mails++;
		}

		/** QUIT, or just the socket closed when the server is gone already. */
		void close() {
			try {
				transport.close();
			}
			catch (MessagingException | RuntimeException ex) {
				log.debug("Closing an SMTP connection: {}", ex.toString());
			}
		}
	}
}
