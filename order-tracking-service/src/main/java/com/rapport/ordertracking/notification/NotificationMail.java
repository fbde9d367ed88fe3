package com.rapport.ordertracking.notification;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Writes a notification in its contact's language (en or zh-CN, from {@code i18n/notifications*}), times in the
 * contact's time zone, with a link to the order's portal page, and hands it to the SMTP server as plain text.
 * The Message-ID is the notification's own, so that a mail handed over twice (a sender that died between the
 * server's acceptance and its note of it) can be recognised by the receiver as one.
 */
@Component
class NotificationMail {

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private final SmtpConnections connections;

	private final NotificationProperties properties;

	private final ResourceBundleMessageSource texts = new ResourceBundleMessageSource();

	NotificationMail(SmtpConnections connections, NotificationProperties properties) {
		this.connections = connections;
		this.properties = properties;
		texts.setBasename("i18n/notifications");
		texts.setDefaultEncoding("UTF-8");
		texts.setFallbackToSystemLocale(false);
	}

	record Letter(String subject, String body) {
	}

	/**
	 * Hands the letter to the SMTP server over a kept connection ({@link SmtpConnections}); answers when the server
	 * accepted it. A mail that cannot be written (an address that is no address) fails as Spring's sender would.
	 */
	void send(Notification notification, Letter letter) {
		MimeMessage message = connections.newMessage();
		try {
			MimeMessageHelper mail = new MimeMessageHelper(message, StandardCharsets.UTF_8.name());
			mail.setFrom(from());
			mail.setTo(new InternetAddress(notification.address(), true));
			mail.setSubject(letter.subject());
			mail.setText(letter.body());
			message.setHeader("Content-Language", notification.language());
			// RFC 3834: an automatic message, so that out-of-office replies do not answer it.
			message.setHeader("Auto-Submitted", "auto-generated");
			message.setHeader("Message-ID", messageId(notification));
		}
		catch (MessagingException ex) {
			throw new MailParseException(ex);
		}
		catch (UnsupportedEncodingException ex) {
			throw new MailPreparationException(ex);
		}
		connections.send(message);
	}

	/** Closes the SMTP connections no round used for a while. */
	void roundDone() {
		connections.closeIdle();
	}

	/** The same for every hand-over of one notification (SmtpConnections keeps a Message-ID that is set). */
	static String messageId(Notification notification) {
		return "<" + java.util.UUID.nameUUIDFromBytes(notification.id().getBytes(StandardCharsets.UTF_8))
				+ "@order-tracking.rapport>";
	}

	Letter write(Notification notification) {
		Locale locale = "zh-CN".equals(notification.language()) ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH;
		Map<String, String> facts = notification.facts();
		String number = notification.orderNumber();
		String kind = notification.kind();
		List<String> lines = new ArrayList<>();
		lines.add(notification.contactName() == null || notification.contactName().isBlank()
				? say("mail.greeting.anonymous", locale) : say("mail.greeting", locale, notification.contactName()));
		lines.add("");
		String subject;
		switch (kind) {
			case "MILESTONE_REACHED" -> {
				String step = say("milestone." + facts.getOrDefault("code", ""), locale);
				subject = say("mail.MILESTONE_REACHED.subject", locale, number, step);
				lines.add(say("mail.MILESTONE_REACHED.body", locale, number, step,
						when(notification.occurredAt(), notification.timeZone())));
				optional(lines, facts.get("place"), p -> say("mail.place", locale, p));
				if (facts.containsKey("carrier") || facts.containsKey("tracking_number")) {
					lines.add(say("mail.carrier", locale, facts.getOrDefault("carrier", "-"),
							facts.getOrDefault("tracking_number", "-")));
				}
				optional(lines, facts.get("tracking_link"), l -> say("mail.tracking-link", locale, l));
				optional(lines, facts.get("note"), n -> say("mail.note", locale, n));
			}
			case "PROMISE_CHANGED" -> {
				subject = say("mail.PROMISE_CHANGED.subject", locale, number, facts.get("promised_date"));
				lines.add(say("mail.PROMISE_CHANGED.body", locale, number, facts.get("promised_date"),
						facts.getOrDefault("previous_promised_date", "-"), facts.getOrDefault("reason", "")));
				optional(lines, facts.get("eta"), d -> say("mail.eta", locale, d));
			}
			case "ETA_CHANGED" -> {
				String previous = facts.getOrDefault("previous_eta", "");
				subject = say("mail.ETA_CHANGED.subject", locale, number, facts.get("eta"));
				lines.add(previous.isBlank() ? say("mail.ETA_CHANGED.body.first", locale, number, facts.get("eta"))
						: say("mail.ETA_CHANGED.body", locale, number, facts.get("eta"), previous));
				optional(lines, facts.get("promised_date"), d -> say("mail.ETA_CHANGED.promised", locale, d));
			}
			case "ORDER_DELAYED" -> {
				subject = say("mail.ORDER_DELAYED.subject", locale, number);
				String remedy = say("remedy." + facts.getOrDefault("remedy", ""), locale);
				String note = facts.getOrDefault("remedy_note", "");
				lines.add(say("mail.ORDER_DELAYED.body", locale, number, facts.getOrDefault("reason", ""),
						note.isBlank() ? remedy : remedy + " (" + note + ")"));
				optional(lines, facts.get("new_date"), d -> say("mail.ORDER_DELAYED.new-date", locale, d));
			}
			case "ORDER_CANCELLED" -> {
				subject = say("mail.ORDER_CANCELLED.subject", locale, number);
				lines.add(say("mail.ORDER_CANCELLED.body", locale, number, facts.getOrDefault("reason", "")));
			}
			case NotificationFanOut.INCIDENT_NOTICE -> {
				return incident(notification, locale, lines);
			}
			default -> throw new IllegalArgumentException("No mail for " + kind);
		}
		lines.add("");
		lines.add(say("mail.link", locale, properties.portalUrl() + "/portal/orders/" + notification.orderId()));
		lines.add("");
		lines.add("-- ");
		lines.add(say("mail.footer", locale));
		return new Letter(subject, String.join("\n", lines));
	}

	/**
	 * An incident notice: how many of the organisation's orders it affects and which, the SKU when it was chosen by
	 * one, the cause and the corrective action as staff wrote them, and a link to the portal's order list (searched
	 * by the SKU when there is one).
	 */
	private Letter incident(Notification notification, Locale locale, List<String> lines) {
		Map<String, String> facts = notification.facts();
		String count = facts.getOrDefault("order_count", "0");
		String numbers = facts.getOrDefault("order_numbers", "");
		lines.add(say("mail.INCIDENT_NOTICE.body", locale, count));
		int listed = numbers.isBlank() ? 0 : numbers.split(", ").length;
		int more = Integer.parseInt(count) - listed;
		if (listed > 0) {
			lines.add(say("mail.INCIDENT_NOTICE.orders", locale,
					more > 0 ? numbers + ", " + say("mail.INCIDENT_NOTICE.more", locale, more) : numbers));
		}
		String sku = facts.get("sku");
		optional(lines, sku, s -> say("mail.INCIDENT_NOTICE.sku", locale, s));
		lines.add("");
		lines.add(say("mail.INCIDENT_NOTICE.cause", locale, facts.getOrDefault("cause", "")));
		lines.add("");
		lines.add(say("mail.INCIDENT_NOTICE.action", locale, facts.getOrDefault("corrective_action", "")));
		lines.add("");
		String list = properties.portalUrl() + "/portal" + (sku == null || sku.isBlank() ? ""
				: "?sku=" + java.net.URLEncoder.encode(sku, StandardCharsets.UTF_8));
		lines.add(say("mail.INCIDENT_NOTICE.link", locale, list));
		lines.add("");
		lines.add("-- ");
		lines.add(say("mail.footer", locale));
		return new Letter(say("mail.INCIDENT_NOTICE.subject", locale, count), String.join("\n", lines));
	}

	private static void optional(List<String> lines, String value, java.util.function.Function<String, String> line) {
		if (value != null && !value.isBlank()) {
			lines.add(line.apply(value));
		}
	}

	private String say(String code, Locale locale, Object... args) {
		return texts.getMessage(code, args, code, locale);
	}

	private static String when(Instant instant, String timeZone) {
		ZoneId zone;
		try {
			zone = timeZone == null || timeZone.isBlank() ? ZoneId.of("UTC") : ZoneId.of(timeZone);
		}
		catch (DateTimeException ex) {
			zone = ZoneId.of("UTC");
		}
		return WHEN.format(instant.atZone(zone)) + " " + zone.getId();
	}

	private InternetAddress from() throws UnsupportedEncodingException {
		return new InternetAddress(properties.from(), properties.fromName(), StandardCharsets.UTF_8.name());
	}
}
