package com.rapport.ordertracking.webhook;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;

import jakarta.mail.internet.InternetAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Tells the admins ({@code rapport.webhooks.admin-email}) that a subscription was disabled after failing for the
 * window, by mail in English and Chinese through the service's SMTP server. The alert is due from the write that
 * disabled the subscription ({@code alertDueAt}); a replica claims it for the lease, mails it and clears it, so a
 * mail server that is down only delays it and two replicas do not both send it.
 */
@Component
class WebhookAlerts {

	private static final Logger log = LoggerFactory.getLogger(WebhookAlerts.class);

	private final MongoTemplate mongo;

	private final JavaMailSender mail;

	private final WebhookProperties properties;

	private final Clock clock;

	private final ResourceBundleMessageSource texts = new ResourceBundleMessageSource();

	WebhookAlerts(MongoTemplate mongo, JavaMailSender mail, WebhookProperties properties, Clock clock) {
		this.mongo = mongo;
		this.mail = mail;
		this.properties = properties;
		this.clock = clock;
		texts.setBasename("i18n/notifications");
		texts.setDefaultEncoding("UTF-8");
		texts.setFallbackToSystemLocale(false);
	}

	/** Mails every due alert; answers how many were mailed. */
	int mailDue() {
		int mailed = 0;
		while (true) {
			Instant now = clock.instant();
			WebhookSubscription due = mongo.findAndModify(Query.query(Criteria.where("alertDueAt").lte(now)),
					new Update().set("alertDueAt", now.plus(properties.lease())),
					FindAndModifyOptions.options().returnNew(true), WebhookSubscription.class);
			if (due == null) {
				return mailed;
			}
			try {
				send(due);
			}
			catch (MailException ex) {
				log.warn("The admins could not be told of disabled webhook {} yet: {}", due.id(), ex.getMessage());
				return mailed;
			}
			mongo.updateFirst(Query.query(Criteria.where("_id").is(due.id()).and("alertDueAt").is(due.alertDueAt())),
					new Update().unset("alertDueAt"), WebhookSubscription.class);
			mailed++;
		}
	}

	private void send(WebhookSubscription subscription) {
		String link = properties.consoleUrl() + "/console/webhooks/" + subscription.id();
		Object[] args = { subscription.url(), properties.failingWindow().toHours(), link,
				subscription.description() == null ? "" : subscription.description() };
		String subject = say("webhook.alert.subject", Locale.ENGLISH, args) + " / "
				+ say("webhook.alert.subject", Locale.SIMPLIFIED_CHINESE, args);
		String body = say("webhook.alert.body", Locale.ENGLISH, args) + "\n\n"
				+ say("webhook.alert.body", Locale.SIMPLIFIED_CHINESE, args);
		mail.send(message -> {
			MimeMessageHelper helper = new MimeMessageHelper(message, StandardCharsets.UTF_8.name());
			helper.setFrom(from());
			helper.setTo(new InternetAddress(properties.adminEmail(), true));
			helper.setSubject(subject);
			helper.setText(body);
			message.setHeader("Auto-Submitted", "auto-generated");
		});
	}

	private InternetAddress from() {
		try {
			return new InternetAddress(properties.from(), properties.fromName(), StandardCharsets.UTF_8.name());
		}
		catch (UnsupportedEncodingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private String say(String code, Locale locale, Object... args) {
		return texts.getMessage(code, args, locale);
	}
}
