package com.rapport.ordertracking.sms;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Queues the SMS of one change to one contact, written at once in the contact's language
 * ({@code i18n/sms*.properties}: short, with a link to the order's portal page): stored once per change and number,
 * however often it is queued.
 */
@Component
public class SmsOutbox {

	/** An SMS is at most this long (a few segments); the link comes last and is kept. */
	static final int MAX_TEXT = 300;

	private final MongoTemplate mongo;

	private final Clock clock;

	private final String portalUrl;

	private final ResourceBundleMessageSource texts = new ResourceBundleMessageSource();

	SmsOutbox(MongoTemplate mongo, Clock clock,
			@org.springframework.beans.factory.annotation.Value("${rapport.notifications.portal-url:http://localhost:8080}") String portalUrl) {
		this.mongo = mongo;
		this.clock = clock;
		this.portalUrl = portalUrl.replaceAll("/+$", "");
		texts.setBasename("i18n/sms");
		texts.setDefaultEncoding("UTF-8");
		texts.setFallbackToSystemLocale(false);
	}

	/** One change for one contact: {@code orderId} null for an incident notice. */
	public record Change(String eventId, String orderId, String customerId, String orderNumber, String kind,
			Map<String, String> facts) {
	}

	/** Stores the SMS due at {@code due}; false when it was queued before. */
	public boolean queue(Change change, String contactId, String contactName, String phone, String language,
			Instant due) {
		String text = write(change, language);
		SmsMessage message = new SmsMessage(SmsMessage.idOf(change.eventId(), phone), change.orderId(),
				change.customerId(), change.orderNumber(), change.eventId(), change.kind(), contactId,
				SmsMessage.digits(phone), language, text, SmsMessage.State.QUEUED, 0, due, null, null, clock.instant(),
				null, contactName);
		try {
			mongo.insert(message);
			return true;
		}
		catch (DuplicateKeyException already) {
			return false;
		}
	}

	String write(Change change, String language) {
		Locale locale = "zh-CN".equals(language) ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH;
		Map<String, String> facts = change.facts() == null ? Map.of() : change.facts();
		String number = change.orderNumber() == null ? "" : change.orderNumber();
		String link = change.orderId() == null ? portalUrl + "/portal" : portalUrl + "/portal/orders/" + change.orderId();
		String line = switch (change.kind()) {
			case "MILESTONE_REACHED" -> say("sms.MILESTONE_REACHED", locale, number,
					say("sms.milestone." + facts.getOrDefault("code", ""), locale));
			case "PROMISE_CHANGED" -> say("sms.PROMISE_CHANGED", locale, number, facts.getOrDefault("promised_date", ""));
			case "ORDER_DELAYED" -> say("sms.ORDER_DELAYED", locale, number, facts.getOrDefault("reason", ""));
			case "ORDER_AT_RISK" -> say("sms.ORDER_AT_RISK", locale, number);
			case "ORDER_CANCELLED" -> say("sms.ORDER_CANCELLED", locale, number);
			case "INCIDENT_NOTICE" -> say("sms.INCIDENT_NOTICE", locale, facts.getOrDefault("order_count", "0"));
			default -> say("sms.other", locale, number);
		};
		String tail = " " + link;
		if (line.length() + tail.length() > MAX_TEXT) {
			line = line.substring(0, MAX_TEXT - tail.length() - 1) + "…";
		}
		return line + tail;
	}

	private String say(String code, Locale locale, Object... args) {
		return texts.getMessage(code, args, code, locale);
	}
}
