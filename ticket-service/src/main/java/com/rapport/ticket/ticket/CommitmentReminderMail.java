package com.rapport.ticket.ticket;

import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import jakarta.mail.internet.InternetAddress;

import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * The reminder to a commitment's owner that it falls due, in English and Chinese, as plain text with a link to the
 * ticket in the console; to the owner's address when it is known (they made the promise themselves), else to the
 * team's manager ({@code rapport.tickets.escalation.manager-email}) naming the owner. The Message-ID is the
 * commitment's own, so a mail handed over twice is recognisable as one.
 */
@Component
class CommitmentReminderMail {

	private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
		.withZone(ZoneOffset.UTC);

	private final JavaMailSender sender;

	private final EscalationProperties properties;

	CommitmentReminderMail(JavaMailSender sender, EscalationProperties properties) {
		this.sender = sender;
		this.properties = properties;
	}

	/** Where the reminder goes: the owner's address, else the manager's. */
	String recipient(Commitment commitment) {
		return commitment.ownerEmail() != null ? commitment.ownerEmail() : properties.managerEmail();
	}

	void send(Ticket ticket, Commitment commitment) {
		String due = UTC.format(commitment.dueAt());
		String link = properties.consoleUrl() + "/console/tickets/" + ticket.number();
		String subject = "[Reminder] Commitment on " + ticket.number() + " due " + due + " / 承诺即将到期";
		String body = String.join("\n",
				"The commitment " + commitment.ownerName() + " made on " + ticket.number() + " falls due at " + due
						+ ":",
				"  " + commitment.what(), "Subject: " + ticket.subject(),
				"Mark it kept on the ticket once it is done.", "", link, "",
				commitment.ownerName() + " 在工单 " + ticket.number() + " 中的承诺将于 " + due + " 到期：", "  " + commitment.what(),
				"完成后请在工单中标记为已兑现。", link);
		sender.send(message -> {
			MimeMessageHelper mail = new MimeMessageHelper(message, StandardCharsets.UTF_8.name());
			mail.setFrom(new InternetAddress(properties.from(), true));
			mail.setTo(new InternetAddress(recipient(commitment), true));
			mail.setSubject(subject);
			mail.setText(body);
			message.setHeader("Auto-Submitted", "auto-generated");
			message.setHeader("Message-ID", "<commitment-reminder." + commitment.id() + "@ticket-service.rapport>");
		});
	}
}
