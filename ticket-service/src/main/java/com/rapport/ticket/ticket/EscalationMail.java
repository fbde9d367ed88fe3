package com.rapport.ticket.ticket;

import java.nio.charset.StandardCharsets;

import jakarta.mail.internet.InternetAddress;

import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * The mail that takes an escalated ticket to the team's manager ({@code rapport.tickets.escalation.manager-email}),
 * in English and Chinese, as plain text with a link to the ticket in the console; never the conversation or who
 * raised it beyond the organisation. The Message-ID is the escalation's own, so a mail handed over twice is
 * recognisable as one.
 */
@Component
class EscalationMail {

	private final JavaMailSender sender;

	private final EscalationProperties properties;

	EscalationMail(JavaMailSender sender, EscalationProperties properties) {
		this.sender = sender;
		this.properties = properties;
	}

	void send(Ticket ticket, Escalation escalation) {
		boolean breach = escalation.kind() == Escalation.Kind.BREACH;
		String subject = (breach ? "[Escalated] SLA breached: " : "[Escalated] Critical complaint: ") + ticket.number()
				+ " " + ticket.subject() + (breach ? " / 已超时升级" : " / 严重投诉");
		String link = properties.consoleUrl() + "/console/tickets/" + ticket.number();
		String body = String.join("\n",
				(breach ? "Ticket " + ticket.number() + " breached its SLA and was escalated to you: priority "
						+ escalation.fromPriority() + " -> " + escalation.toPriority() + "."
						: "A critical complaint was opened: " + ticket.number() + "."),
				"Organisation: " + ticket.customerId() + ", tier " + ticket.tier() + ", channel " + ticket.channel()
						+ ".",
				"Subject: " + ticket.subject(), "Escalated at: " + escalation.at() + " (UTC)", "", link, "",
				(breach ? "工单 " + ticket.number() + " 已超出服务时限，已升级给您：优先级 " + escalation.fromPriority() + " → "
						+ escalation.toPriority() + "。" : "收到一条严重投诉：" + ticket.number() + "。"),
				"客户：" + ticket.customerId() + "　主题：" + ticket.subject(), link);
		sender.send(message -> {
			MimeMessageHelper mail = new MimeMessageHelper(message, StandardCharsets.UTF_8.name());
			mail.setFrom(new InternetAddress(properties.from(), true));
			mail.setTo(new InternetAddress(properties.managerEmail(), true));
			mail.setSubject(subject);
			mail.setText(body);
			// RFC 3834: an automatic message, so that out-of-office replies do not answer it.
			message.setHeader("Auto-Submitted", "auto-generated");
			message.setHeader("Message-ID", "<" + escalation.kind().name().toLowerCase() + "." + ticket.id()
					+ "@ticket-service.rapport>");
		});
	}
}
