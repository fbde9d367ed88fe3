package com.rapport.systemtests;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The email channel against the running platform: a mail sent over SMTP to the mail catcher's support mailbox
 * (support@rapport.example) is read by ticket-service over IMAP and becomes a ticket of the sender's organisation
 * (customer-service knows Alice Chen's address) that staff see in the console with the mail's text, and Alice gets
 * the acknowledgement with its number; a mail from an address nobody knows waits in the console's triage.
 */
@ExtendWith(RunningPlatform.class)
class SupportMailSystemTests {

	static final String SUPPORT = "support@rapport.example";

	static final String ALICE = "alice.chen@acme-retail.example";

	/** The mail catcher's SMTP port (the platform script's MAILCATCHER_SMTP_PORT). */
	static final int SMTP_PORT = 3025;

	@Test
	void aMailToTheSupportMailboxBecomesATicketStaffSeeAndItsRequesterIsAcknowledged() throws Exception {
		String tag = UUID.randomUUID().toString().substring(0, 8);
		String subject = "Pallets arrived wet " + tag;
		String stranger = "buyer-" + tag + "@new-customer.example";
		sendMail(ALICE, subject, "Pallet 3 of ACME-1015 was wet, mail " + tag + ".");
		sendMail(stranger, "Price list " + tag, "Please send your price list.");

		String number = ticketWithSubject(subject);
		assertThat(number).matches("T-\\d+");

		try (Browser agent = Browser.open().login("agent.li", "agent-demo-26")) {
			agent.go("/console/tickets/" + number);
			assertThat(agent.text(By.cssSelector("h1"))).contains(subject);
			assertThat(agent.text(By.cssSelector("ol.conversation"))).contains("Pallet 3 of ACME-1015 was wet, mail " + tag);
			assertThat(agent.text(By.cssSelector("dd.ticket-channel"))).isEqualTo("Email");

			agent.go("/console/mail-triage");
			assertThat(agent.text(By.cssSelector("main"))).contains("Price list " + tag).contains(stranger);
		}

		String ack = mailAbout(ALICE, number);
		assertThat(ack).contains("Subject: [" + number + "] " + subject);
		assertThat(ack).contains("Message-ID: <ticket.");
	}

	/** The number of the ticket the partner API lists with this subject, waiting for the poller (every 30 s). */
	private static String ticketWithSubject(String subject) throws InterruptedException {
		Partner partner = Partner.demo();
		for (int attempt = 0; attempt < 90; attempt++) {
			HttpResponse<String> tickets = partner.get("/api/tickets/v1/tickets?customerId=acme-retail&size=50");
			if (tickets.statusCode() == 200) {
				List<String> numbers = JsonPath.read(tickets.body(),
						"$.items[?(@.subject == '" + subject + "')].number");
				if (!numbers.isEmpty()) {
					List<String> channels = JsonPath.read(tickets.body(),
							"$.items[?(@.subject == '" + subject + "')].channel");
					assertThat(channels).containsExactly("EMAIL");
					return numbers.get(0);
				}
			}
			Thread.sleep(1_000);
		}
		throw new AssertionError("No ticket with subject " + subject + " after 90 s");
	}

	/** The raw mail to {@code address} that names {@code number}, waiting for it to arrive. */
	private static String mailAbout(String address, String number) throws InterruptedException {
		String mail = MailCatcher.awaitMail(address, text -> text.contains("[" + number + "]"));
		if (mail == null) {
			throw new AssertionError("No acknowledgement of " + number + " reached " + address);
		}
		return mail;
	}

	/** A plain SMTP conversation with the mail catcher: one text mail to the support mailbox. */
	private static void sendMail(String from, String subject, String text) throws IOException {
		try (Socket socket = new Socket("127.0.0.1", SMTP_PORT)) {
			socket.setSoTimeout(10_000);
			BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
			OutputStream out = socket.getOutputStream();
			expect(in, "220");
			say(out, in, "HELO system-tests", "250");
			say(out, in, "MAIL FROM:<" + from + ">", "250");
			say(out, in, "RCPT TO:<" + SUPPORT + ">", "250");
			say(out, in, "DATA", "354");
			String mail = String.join("\r\n", "From: " + from, "To: " + SUPPORT, "Subject: " + subject,
					"Message-ID: <" + UUID.randomUUID() + "@system-tests.example>", "MIME-Version: 1.0",
					"Content-Type: text/plain; charset=US-ASCII", "", text, ".");
			say(out, in, mail, "250");
			say(out, in, "QUIT", "221");
		}
	}

	private static void say(OutputStream out, BufferedReader in, String line, String expected) throws IOException {
		out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
		out.flush();
		expect(in, expected);
	}

	private static void expect(BufferedReader in, String code) throws IOException {
		String line;
		do {
			line = in.readLine();
			assertThat(line).as("the mail catcher's answer").isNotNull().startsWith(code);
		}
		while (line.charAt(3) == '-');
	}
}
