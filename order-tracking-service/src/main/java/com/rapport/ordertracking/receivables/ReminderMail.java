package com.rapport.ordertracking.receivables;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import com.rapport.ordertracking.notification.NotificationProperties;
import jakarta.mail.internet.InternetAddress;

import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Writes a payment reminder in the contact's language (en or zh-CN, {@code i18n/receivables*}) in the organisation's
 * style (formal for large organisations, warm for small ones) and the step's tone (courteous before the due date,
 * polite on it, firm after, firmest last), with the invoice, its amount, due date and order, and a link to the
 * portal's invoices; and hands it to the SMTP server, with the reminder's own Message-ID (a mail handed over twice is
 * recognisable as one).
 */
@Component
class ReminderMail {

	private final JavaMailSender sender;

	private final NotificationProperties properties;

	private final ResourceBundleMessageSource texts = new ResourceBundleMessageSource();

	ReminderMail(JavaMailSender sender, NotificationProperties properties) {
		this.sender = sender;
		this.properties = properties;
		texts.setBasename("i18n/receivables");
		texts.setDefaultEncoding("UTF-8");
		texts.setFallbackToSystemLocale(false);
	}

	record Letter(String subject, String body) {
	}

	Letter write(InvoiceReminder reminder, Invoice invoice, LocalDate today) {
		Locale locale = "zh-CN".equals(reminder.language()) ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH;
		String key = "reminder." + reminder.style().name() + "." + reminder.tone().name();
		String amount = InvoiceBook.display(invoice.amount());
		long overdue = Math.max(ChronoUnit.DAYS.between(invoice.dueDate(), today), 0);
		String order = invoice.orderNumber() == null || invoice.orderNumber().isBlank() ? "-" : invoice.orderNumber();
		Object[] args = { invoice.invoiceNumber(), amount, invoice.dueDate().toString(), order, overdue };
		List<String> lines = new ArrayList<>();
		String name = reminder.contactName() == null || reminder.contactName().isBlank() ? null : reminder.contactName();
		lines.add(name == null ? say("reminder." + reminder.style().name() + ".greeting.anonymous", locale)
				: say("reminder." + reminder.style().name() + ".greeting", locale, name));
		lines.add("");
		lines.add(say(key + ".body", locale, args));
		lines.add("");
		lines.add(say("reminder.facts", locale, args));
		lines.add("");
		lines.add(say("reminder." + reminder.style().name() + ".closing", locale));
		lines.add("");
		lines.add(say("reminder.link", locale, properties.portalUrl() + "/portal/invoices"));
		lines.add("");
		lines.add("-- ");
		lines.add(say("reminder.footer", locale));
		return new Letter(say(key + ".subject", locale, args), String.join("\n", lines));
	}

	void send(InvoiceReminder reminder, Letter letter) {
		sender.send(message -> {
			MimeMessageHelper mail = new MimeMessageHelper(message, StandardCharsets.UTF_8.name());
			mail.setFrom(from());
			mail.setTo(new InternetAddress(reminder.address(), true));
			mail.setSubject(letter.subject());
			mail.setText(letter.body());
			message.setHeader("Content-Language", reminder.language());
			message.setHeader("Auto-Submitted", "auto-generated");
			// For the reader's mail filters (and the system tests): which invoice, in plain ASCII.
			message.setHeader("X-Rapport-Invoice", reminder.invoiceNumber());
			message.setHeader("Message-ID", "<" + UUID.nameUUIDFromBytes(reminder.id().getBytes(StandardCharsets.UTF_8))
					+ "@receivables.rapport>");
		});
	}

	private String say(String code, Locale locale, Object... args) {
		return texts.getMessage(code, args, code, locale);
	}

	private InternetAddress from() throws UnsupportedEncodingException {
		return new InternetAddress(properties.from(), properties.fromName(), StandardCharsets.UTF_8.name());
	}
}
