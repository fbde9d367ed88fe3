package com.rapport.customer.reorder;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import jakarta.mail.internet.InternetAddress;

import com.rapport.customer.care.GreetingProperties;
import com.rapport.customer.growth.Reorder;
import com.rapport.customer.organisation.Contact;
import com.rapport.customer.organisation.Organisation;
import com.rapport.customer.organisation.ProfileRules;

import org.springframework.context.MessageSource;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Writes a reorder reminder in the contact's language ({@code reorder.mail.*} in the message bundles) and mails it
 * over SMTP as plain text, from the care greetings' sender.
 */
@Component
class ReorderMail {

	private final JavaMailSender sender;

	private final MessageSource messages;

	private final GreetingProperties from;

	ReorderMail(JavaMailSender sender, MessageSource messages, GreetingProperties from) {
		this.sender = sender;
		this.messages = messages;
		this.from = from;
	}

	record Letter(String language, String subject, String body) {
	}

	/** Sends the reminder; a refusing or silent mail server is a {@link MailException}. */
	void send(Contact contact, Letter letter) {
		sender.send(message -> {
			MimeMessageHelper mail = new MimeMessageHelper(message, StandardCharsets.UTF_8.name());
			mail.setFrom(new InternetAddress(from.from(), from.fromName(), StandardCharsets.UTF_8.name()));
			mail.setTo(contact.email());
			mail.setSubject(letter.subject());
			mail.setText(letter.body());
			// Quoted-printable, also for Chinese: the link stays readable as it is in any mail client or catcher.
			message.setHeader("Content-Transfer-Encoding", "quoted-printable");
			message.setHeader("Content-Language", letter.language());
			// RFC 3834: an automatic message, so that out-of-office replies do not answer it.
			message.setHeader("Auto-Submitted", "auto-generated");
		});
	}

	Letter write(Organisation organisation, Contact contact, Reorder reorder, String link) {
		String language = contact.language() == null ? null : ProfileRules.language(contact.language());
		language = language == null ? "en" : language;
		Locale locale = Locale.forLanguageTag(language);
		String product = reorder.description() == null || reorder.description().isBlank() ? reorder.sku()
				: reorder.description();
		String subject = text("reorder.mail.subject", locale, product);
		String body = text("reorder.mail.body", locale, contact.name(), product, reorder.sku(),
				Integer.toString(reorder.usualIntervalDays()), reorder.expectedOn().toString(),
				Integer.toString(reorder.lastQuantity()), link, organisation.name())
				+ "\n\n" + text("care.greeting.signature", locale, from.fromName()) + "\n\n-- \n"
				+ text("reorder.mail.footer", locale);
		return new Letter(language, subject, body);
	}

	private String text(String code, Locale locale, Object... arguments) {
		return messages.getMessage(code, arguments, locale);
	}
}
