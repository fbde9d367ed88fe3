package com.rapport.customer.referral;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import jakarta.mail.internet.InternetAddress;

import com.rapport.customer.care.GreetingProperties;

import org.springframework.context.MessageSource;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * The invitation mail of a referral, in the inviting contact's language (message bundles {@code referral.mail.*}),
 * plain text over the same SMTP server and sender as the care greetings ({@code spring.mail.*},
 * {@code rapport.care.greetings.from}, {@code from-name}); replies go to the sender.
 */
@Component
class ReferralMail {

	private final JavaMailSender sender;

	private final MessageSource messages;

	private final GreetingProperties properties;

	ReferralMail(JavaMailSender sender, MessageSource messages, GreetingProperties properties) {
		this.sender = sender;
		this.messages = messages;
		this.properties = properties;
	}

	/** Sends it; a refusing or silent mail server is a {@link MailException}. */
	void send(Referral referral) {
		Locale locale = Locale.forLanguageTag(referral.language());
		String subject = text("referral.mail.subject", locale, referral.invitedBy(), referral.organisationName(),
				referral.companyName(), properties.fromName());
		String body = text("referral.mail.body", locale, referral.invitedBy(), referral.organisationName(),
				referral.companyName(), properties.fromName()) + "\n\n"
				+ text("care.greeting.signature", locale, properties.fromName()) + "\n\n-- \n"
				+ text("referral.mail.footer", locale, referral.invitedBy());
		sender.send(message -> {
			MimeMessageHelper mail = new MimeMessageHelper(message, StandardCharsets.UTF_8.name());
			mail.setFrom(from());
			mail.setTo(referral.email());
			mail.setSubject(subject);
			mail.setText(body);
			message.setHeader("Content-Language", referral.language());
			message.setHeader("Auto-Submitted", "auto-generated");
		});
	}

	private String text(String code, Locale locale, Object... arguments) {
		return messages.getMessage(code, arguments, locale);
	}

	private InternetAddress from() throws UnsupportedEncodingException {
		return new InternetAddress(properties.from(), properties.fromName(), StandardCharsets.UTF_8.name());
	}
}
