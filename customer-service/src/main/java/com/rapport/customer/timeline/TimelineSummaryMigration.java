package com.rapport.customer.timeline;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.rapport.support.message.Texts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Gives entries stored before the timeline kept codes (their line only an English sentence) the code and
 * values of the sentence they match, so that a Chinese reader sees them in Chinese too. An entry that matches
 * no known sentence gets an empty code and keeps showing its stored words. Runs at start-up; entries examined
 * once are not read again, and two replicas doing it at once write the same.
 */
@Component
class TimelineSummaryMigration implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(TimelineSummaryMigration.class);

	/** A line as a code with its values. */
	record Coded(String code, List<String> args) {
	}

	private record Sentence(Pattern pattern, Function<Matcher, Coded> coded) {
	}

	/** TierRules.figures as it was written: "ordered 3 days ago, 12 orders in 12 months, CNY 1,234". */
	private static final String FIGURES = "(never ordered|ordered today|ordered 1 day ago|ordered (\\d+) days ago), "
			+ "(\\d+) orders? in (\\d+) (months|days?), (\\S+) (\\S+)";

	/** How GreetingService named a channel in its English lines. */
	private static final String CHANNEL = "(SMS|the portal inbox)";

	/** The English sentences the services wrote before codes, each with its code. */
	private static final List<Sentence> SENTENCES = List.of(
			sentence("Order (\\S+) placed", m -> new Coded("timeline.order.placed", List.of(m.group(1)))),
			sentence("Order (\\S+) delivered", m -> new Coded("timeline.order.delivered", List.of(m.group(1)))),
			sentence("(Request|Complaint) (\\S+) (opened|resolved): (.*)",
					m -> new Coded("timeline." + m.group(1).toLowerCase(java.util.Locale.ROOT) + "." + m.group(3),
							List.of(m.group(2), m.group(4)))),
			sentence("(CSAT|NPS|CES) (\\d+)/(\\d+) on ticket (.+)",
					m -> new Coded("timeline.survey.ticket", List.of(m.group(1), m.group(2), m.group(3), m.group(4)))),
			sentence("(CSAT|NPS|CES) (\\d+)/(\\d+) on order (.+)",
					m -> new Coded("timeline.survey.order", List.of(m.group(1), m.group(2), m.group(3), m.group(4)))),
			sentence("(CSAT|NPS|CES) (\\d+)/(\\d+) on the relationship",
					m -> new Coded("timeline.survey.relationship", List.of(m.group(1), m.group(2), m.group(3), ""))),
			sentence("(.+) gave consent to (\\S+)",
					m -> new Coded("timeline.consent.given", List.of(m.group(1), consent(m.group(2))))),
			sentence("(.+) withdrew consent to (\\S+)",
					m -> new Coded("timeline.consent.withdrawn", List.of(m.group(1), consent(m.group(2))))),
			sentence("Tier (VIP|KEY|NORMAL) → (VIP|KEY|NORMAL): " + FIGURES,
					m -> new Coded("timeline.tier.changed", figures(m, "timeline.tier."))),
			sentence("Lifecycle ([A-Z_]+) → ([A-Z_]+): " + FIGURES,
					m -> new Coded("timeline.lifecycle.changed", figures(m, "timeline.stage."))),
			sentence("Birthday greeting sent to (.+) by email",
					m -> new Coded("timeline.greeting.birthday.sent", List.of(m.group(1)))),
			sentence("Birthday of (.+): no greeting sent \\(no marketing consent\\)",
					m -> new Coded("timeline.greeting.birthday.no-consent", List.of(m.group(1)))),
			sentence("(.+?) greeting sent to (.+) by email; " + CHANNEL + " is not available yet",
					m -> new Coded("timeline.greeting.sent-instead",
							List.of(m.group(2), greeted(m.group(1)), channel(m.group(3))))),
			sentence("(.+?) greeting sent to (.+) by email",
					m -> new Coded("timeline.greeting.sent", List.of(m.group(2), greeted(m.group(1))))),
			sentence("(.+?) greeting for (.+): no greeting sent \\(no marketing consent\\)",
					m -> new Coded("timeline.greeting.holiday.no-consent", List.of(m.group(2), greeted(m.group(1))))),
			sentence("(.+?) greeting to (.+) not sent: " + CHANNEL
					+ " is not available yet and there is no email address",
					m -> new Coded("timeline.greeting.no-email-instead",
							List.of(m.group(2), greeted(m.group(1)), channel(m.group(3))))),
			sentence("(.+?) greeting to (.+) not sent: there is no email address",
					m -> new Coded("timeline.greeting.no-email", List.of(m.group(2), greeted(m.group(1))))),
			sentence("(.+?) greeting to (.+) could not be sent: the mail server failed (\\d+) times",
					m -> new Coded("timeline.greeting.failed",
							List.of(m.group(2), greeted(m.group(1)), m.group(3)))),
			sentence("(.+?) greeting to (.+) is being sent",
					m -> new Coded("timeline.greeting.pending", List.of(m.group(2), greeted(m.group(1))))));

	/**
	 * Raised whenever sentences are added: entries that matched none before ({@code summaryCode} empty) are
	 * examined once more by the next start, then marked with this version.
	 */
	static final int SENTENCES_VERSION = 2;

	private final MongoOperations mongo;

	TimelineSummaryMigration(MongoOperations mongo) {
		this.mongo = mongo;
	}

	private static Sentence sentence(String regex, Function<Matcher, Coded> coded) {
		return new Sentence(Pattern.compile(regex), coded);
	}

	private static List<String> figures(Matcher m, String stagePrefix) {
		String recency = switch (m.group(3)) {
			case "never ordered" -> Texts.code("timeline.recency.never");
			case "ordered today" -> Texts.code("timeline.recency.today");
			case "ordered 1 day ago" -> Texts.code("timeline.recency.day");
			default -> Texts.code("timeline.recency.days", m.group(4));
		};
		String orders = "1".equals(m.group(5)) ? Texts.code("timeline.orders.one")
				: Texts.code("timeline.orders.many", m.group(5));
		String window = m.group(7).equals("months") ? Texts.code("timeline.window.months", m.group(6))
				: "1".equals(m.group(6)) ? Texts.code("timeline.window.day") : Texts.code("timeline.window.days", m.group(6));
		return List.of(Texts.code(stagePrefix + m.group(1)), Texts.code(stagePrefix + m.group(2)), recency, orders,
				window, m.group(8), m.group(9));
	}

	/** What a greeting line greeted; a holiday's stored words know only its English name. */
	private static String greeted(String what) {
		return "Birthday".equals(what) ? Texts.code("timeline.greeting.birthday")
				: Texts.code("timeline.greeting.holiday", what.replace('|', '/').replace('}', ')'),
						what.replace('|', '/').replace('}', ')'));
	}

	private static String channel(String words) {
		return "SMS".equals(words) ? Texts.code("timeline.channel.sms") : Texts.code("timeline.channel.portal");
	}

	private static String consent(String topic) {
		return "#{consent." + topic + "}";
	}

	/** The code of an English line the services wrote, if it is one of theirs. */
	static Optional<Coded> codeOf(String summary) {
		if (summary == null) {
			return Optional.empty();
		}
		for (Sentence sentence : SENTENCES) {
			Matcher matcher = sentence.pattern().matcher(summary);
			if (matcher.matches()) {
				return Optional.of(sentence.coded().apply(matcher));
			}
		}
		return Optional.empty();
	}

	/** Entries without a code that no version of the sentences up to this one has examined. */
	private static Criteria notYetExamined() {
		return new Criteria().orOperator(Criteria.where("summaryCode").exists(false),
				Criteria.where("summaryCode").is("").and("summarySentences").ne(SENTENCES_VERSION));
	}

	@Override
	public void run(ApplicationArguments args) {
		int coded = 0;
		int kept = 0;
		Query old = Query.query(notYetExamined());
		old.fields().include("_id", "summary");
		for (org.bson.Document entry : mongo.find(old, org.bson.Document.class, "interactions")) {
			Optional<Coded> code = codeOf(entry.getString("summary"));
			Update update = code.map(c -> new Update().set("summaryCode", c.code()).set("summaryArgs", c.args()))
				.orElseGet(() -> new Update().set("summaryCode", "").set("summaryArgs", List.of())
					.set("summarySentences", SENTENCES_VERSION));
			mongo.updateFirst(Query.query(new Criteria().andOperator(Criteria.where("_id").is(entry.get("_id")),
					notYetExamined())), update, "interactions");
			if (code.isPresent()) {
				coded++;
			}
			else {
				kept++;
			}
		}
		if (coded + kept > 0) {
			log.info("Timeline entries of an earlier version: {} given the code of their sentence, {} keep their words",
					coded, kept);
		}
	}
}
