package com.rapport.feedback.invitation;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import com.rapport.feedback.response.SurveyKind;
import com.rapport.feedback.template.SurveyQuestions;
import com.rapport.support.message.Texts;
import jakarta.mail.internet.InternetAddress;

import org.springframework.context.MessageSource;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Writes an invitation in its contact's language (en or zh-CN, the shared codes {@code survey.mail.*}; the question
 * in the managers' wording when they saved a survey template) with the
 * survey's scores (CSAT five, CES seven) as one-click links ({@code <portal>/survey/<token>?score=n}) and hands it to the SMTP server as
 * plain text. The Message-ID is the invitation's own, so a mail handed over twice can be recognised as one.
 */
@Component
class InvitationMail {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");

	private final JavaMailSender sender;

	private final InvitationProperties properties;

	private final SurveyTokens tokens;

	private final SurveyQuestions questions;

	private final MessageSource texts = Texts.withSharedCodes(new StaticMessageSource());

	InvitationMail(JavaMailSender sender, InvitationProperties properties, SurveyTokens tokens,
			SurveyQuestions questions) {
		this.sender = sender;
		this.properties = properties;
		this.tokens = tokens;
		this.questions = questions;
	}

	record Letter(String subject, String body) {
	}

	void send(Invitation invitation, Letter letter) {
		sender.send(message -> {
			MimeMessageHelper mail = new MimeMessageHelper(message, StandardCharsets.UTF_8.name());
			mail.setFrom(from());
			mail.setTo(new InternetAddress(invitation.email(), true));
			mail.setSubject(letter.subject());
			mail.setText(letter.body());
			message.setHeader("Content-Language", language(invitation));
			// RFC 3834: an automatic message, so that out-of-office replies do not answer it.
			message.setHeader("Auto-Submitted", "auto-generated");
			message.setHeader("Message-ID", "<" + UUID.nameUUIDFromBytes(invitation.id().getBytes(StandardCharsets.UTF_8))
					+ "@feedback.rapport>");
		});
	}

	Letter write(Invitation invitation) {
		Locale locale = "zh-CN".equals(invitation.language()) ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH;
		String link = properties.portalUrl() + "/survey/" + tokens.issue(invitation.id(), invitation.expiresAt());
		List<String> lines = new ArrayList<>();
		lines.add(invitation.contactName() == null || invitation.contactName().isBlank()
				? say("survey.mail.greeting.anonymous", locale) : say("survey.mail.greeting", locale, invitation.contactName()));
		lines.add("");
		SurveyKind kind = SurveyKind.valueOf(invitation.kind());
		String survey = kind.name().toLowerCase(Locale.ROOT);
		// The CES asks about what happened: a resolved ticket or a delivered order.
		String texts = kind == SurveyKind.CES ? "survey.mail.ces." + invitation.subjectType().toLowerCase(Locale.ROOT)
				: "survey.mail." + survey;
		// The managers' wording when they saved one (survey templates), then how to answer; else the default's.
		lines.add(questions.customQuestion(kind, language(invitation), invitation.subjectLabel())
			.map(question -> question + " " + say("survey.mail.one-click", locale))
			.orElseGet(() -> say(texts + ".question", locale, invitation.subjectLabel())));
		lines.add("");
		for (int score = kind.max(); score >= kind.min(); score--) {
			lines.add(say("survey.mail.score-line", locale, score, say("survey." + survey + "." + score, locale),
					link + "?score=" + score));
		}
		lines.add("");
		lines.add(say("survey.mail.personal", locale, DAY.format(invitation.expiresAt().atOffset(ZoneOffset.UTC))));
		lines.add("");
		lines.add("-- ");
		lines.add(say("survey.mail.footer", locale));
		return new Letter(say(texts + ".subject", locale, invitation.subjectLabel()),
				String.join("\n", lines));
	}

	private String say(String code, Locale locale, Object... args) {
		return texts.getMessage(code, args, code, locale);
	}

	private static String language(Invitation invitation) {
		return "zh-CN".equals(invitation.language()) ? "zh-CN" : "en";
	}

	private InternetAddress from() throws UnsupportedEncodingException {
		return new InternetAddress(properties.from(), properties.fromName(), StandardCharsets.UTF_8.name());
	}
}
