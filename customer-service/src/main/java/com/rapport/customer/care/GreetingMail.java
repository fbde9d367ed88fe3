package com.rapport.customer.care;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import jakarta.mail.internet.InternetAddress;

import com.rapport.customer.care.GreetingRules.Due;
import com.rapport.customer.organisation.Contact;
import com.rapport.customer.organisation.ProfileRules;

import org.springframework.context.MessageSource;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Writes a greeting in the contact's language (the birthday text from the message bundles, a holiday's own
 * text from the calendar) and mails it over SMTP as plain text.
 */
@Component
class GreetingMail {

	private final JavaMailSender sender;

	private final MessageSource messages;

	private final GreetingProperties properties;

	GreetingMail(JavaMailSender sender, MessageSource messages, GreetingProperties properties) {
		this.sender = sender;
		this.messages = messages;
		this.properties = properties;
	}

	record Letter(String language, String subject, String body) {
	}

	/** Sends the greeting to the contact's email address; a refusing or silent mail server is a {@link MailException}. */
	void send(Contact contact, Due due) {
		Letter letter = write(contact, due);
		sender.send(message -> {
			MimeMessageHelper mail = new MimeMessageHelper(message, StandardCharsets.UTF_8.name());
			mail.setFrom(from());
			mail.setTo(contact.email());
			mail.setSubject(letter.subject());
			mail.setText(letter.body());
			message.setHeader("Content-Language", letter.language());
			// RFC 3834: an automatic message, so that out-of-office replies do not answer it.
			message.setHeader("Auto-Submitted", "auto-generated");
		});
	}

	Letter write(Contact contact, Due due) {
		String language = contact.language() == null ? null : ProfileRules.language(contact.language());
		language = language == null ? "en" : language;
		Locale locale = Locale.forLanguageTag(language);
		String subject;
		String text;
		if (due.occasion() == Occasion.BIRTHDAY) {
			subject = text("care.greeting.birthday.subject", locale, contact.name());
			text = text("care.greeting.birthday.body", locale, contact.name());
		}
		else {
			subject = text("care.greeting.holiday.subject", locale, due.holiday().nameIn(language));
			text = due.holiday().greetingFor(language, contact.name());
		}
		String body = text + "\n\n" + text("care.greeting.signature", locale, properties.fromName()) + "\n\n-- \n"
				+ text("care.greeting.footer", locale);
		return new Letter(language, subject, body);
	}

	private String text(String code, Locale locale, Object... arguments) {
		return messages.getMessage(code, arguments, locale);
	}

	private InternetAddress from() throws UnsupportedEncodingException {
		return new InternetAddress(properties.from(), properties.fromName(), StandardCharsets.UTF_8.name());
	}
}
