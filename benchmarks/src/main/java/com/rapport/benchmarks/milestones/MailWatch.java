package com.rapport.benchmarks.milestones;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Watches one mailbox of the mail catcher (GreenMail) over IMAP, from the harness's own thread: every
 * {@code pollMillis} it asks for the subjects of the messages that arrived since the last look ({@code UID FETCH
 * n:*}), and hands each new one, with the moment it was first seen, to the listener. What it reads is only the
 * subject line, so a look costs little however full the box is. The catcher runs without authentication: any
 * password opens any address's box.
 */
final class MailWatch implements AutoCloseable {

	private static final Pattern UID = Pattern.compile("UID (\\d+)");

	private static final Pattern LITERAL = Pattern.compile("\\{(\\d+)}$");

	private final Socket socket;

	private final InputStream in;

	private final OutputStream out;

	private int tag;

	private long next = 1;

	MailWatch(String host, int port, String address) {
		try {
			socket = new Socket(host, port);
			socket.setSoTimeout(10_000);
			in = socket.getInputStream();
			out = socket.getOutputStream();
			readLine(); // the greeting
			command("LOGIN \"" + address + "\" \"bench\"");
			command("SELECT INBOX");
		}
		catch (IOException ex) {
			throw new UncheckedIOException("IMAP " + host + ":" + port, ex);
		}
	}

	/** Skips what the box holds already: only mails arriving from now on are handed on. */
	void skipExisting() {
		poll((uid, subject) -> {
		});
	}

	/** One look: each message newer than the last seen, as (arrival in nanoTime, subject). */
	int poll(BiConsumer<Long, String> each) {
		List<String[]> found = new ArrayList<>();
		try {
			command("NOOP");
			for (Fetched fetched : fetch("UID FETCH " + next + ":* (UID BODY.PEEK[HEADER.FIELDS (SUBJECT)])")) {
				if (fetched.uid() >= next) {
					next = fetched.uid() + 1;
					found.add(new String[] { fetched.subject() });
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("IMAP", ex);
		}
		long seen = System.nanoTime();
		found.forEach(subject -> each.accept(seen, subject[0]));
		return found.size();
	}

	record Fetched(long uid, String subject) {
	}

	private List<Fetched> fetch(String command) throws IOException {
		List<Fetched> fetched = new ArrayList<>();
		String tagged = send(command);
		while (true) {
			String line = readLine();
			if (line.startsWith(tagged + " ")) {
				if (!line.startsWith(tagged + " OK")) {
					throw new IOException(command + ": " + line);
				}
				return fetched;
			}
			Matcher literal = LITERAL.matcher(line);
			if (line.startsWith("* ") && line.contains("FETCH") && literal.find()) {
				String header = new String(in.readNBytes(Integer.parseInt(literal.group(1))), StandardCharsets.UTF_8);
				Matcher uid = UID.matcher(line);
				String rest = readLine(); // the closing parenthesis (UID may come after the literal)
				if (!uid.find()) {
					uid = UID.matcher(rest);
					uid.find();
				}
				fetched.add(new Fetched(Long.parseLong(uid.group(1)), subjectOf(header)));
			}
		}
	}

	/** The Subject header's value, unfolded. */
	static String subjectOf(String header) {
		String unfolded = header.replaceAll("\r?\n[ \t]+", " ");
		for (String line : unfolded.split("\r?\n")) {
			if (line.regionMatches(true, 0, "Subject:", 0, 8)) {
				return line.substring(8).strip();
			}
		}
		return "";
	}

	private void command(String command) throws IOException {
		String tagged = send(command);
		while (true) {
			String line = readLine();
			if (line.startsWith(tagged + " ")) {
				if (!line.startsWith(tagged + " OK")) {
					throw new IOException(command.startsWith("LOGIN") ? "LOGIN refused: " + line : command + ": " + line);
				}
				return;
			}
			Matcher literal = LITERAL.matcher(line);
			if (literal.find()) {
				in.readNBytes(Integer.parseInt(literal.group(1)));
			}
		}
	}

	private String send(String command) throws IOException {
		String tagged = "b" + (++tag);
		out.write((tagged + " " + command + "\r\n").getBytes(StandardCharsets.UTF_8));
		out.flush();
		return tagged;
	}

	private String readLine() throws IOException {
		ByteArrayOutputStream line = new ByteArrayOutputStream();
		int b;
		while ((b = in.read()) != -1) {
			if (b == '\n') {
				break;
			}
			if (b != '\r') {
				line.write(b);
			}
		}
		if (b == -1 && line.size() == 0) {
			throw new IOException("IMAP connection closed");
		}
		return line.toString(StandardCharsets.UTF_8);
	}

	@Override
	public void close() {
		try {
			send("LOGOUT");
			socket.close();
		}
		catch (IOException ignored) {
			// closing anyway
		}
	}
}
