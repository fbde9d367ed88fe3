package com.rapport.portal.console;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import com.rapport.contracts.customer.v1.Organisation;
import com.rapport.contracts.feedback.v1.FeedbackFigures;
import com.rapport.contracts.feedback.v1.KindFigures;
import com.rapport.contracts.feedback.v1.PeriodFigures;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The dashboard's charts as JSON for {@code js/dashboard.js} (which hands them to Chart.js): kind, labels and data
 * sets with their names in the reader's language; a figure that does not exist (no answers) is {@code null}, a gap,
 * never 0. Carried in a {@code data-chart} attribute, since the site's CSP allows no inline script.
 */
@Component
class DashboardCharts {

	private final MessageSource messages;

	DashboardCharts(MessageSource messages) {
		this.messages = messages;
	}

	/** CSAT %, NPS, CES easy share and response rate, month by month. */
	String trend(FeedbackFigures figures) {
		List<PeriodFigures> months = figures.getMonthsList();
		return chart("line", months.stream().map(PeriodFigures::getLabel).toList(), List.of(
				series("dashboard.csat", months, DashboardCharts::csatPercent),
				series("dashboard.nps", months, DashboardCharts::nps),
				series("dashboard.ces-easy", months, DashboardCharts::cesEasyPercent),
				series("dashboard.response-rate", months, DashboardCharts::responseRatePercent)));
	}

	/** How many answers gave each score over the period, one bar chart per survey: CSAT, NPS, CES. */
	List<String> distributions(FeedbackFigures figures) {
		PeriodFigures total = figures.getTotal();
		return List.of(distribution("dashboard.csat.answers", total.getCsat(), 1),
				distribution("dashboard.nps.answers", total.getNps(), 0),
				distribution("dashboard.ces.answers", total.getCes(), 1));
	}

	/** The period's CSAT %, NPS and CES easy share by group (tier, industry or region). */
	String breakdown(FeedbackFigures figures) {
		List<PeriodFigures> groups = figures.getGroupsList();
		return chart("bar", groups.stream().map(PeriodFigures::getLabel).toList(), List.of(
				series("dashboard.csat", groups, DashboardCharts::csatPercent),
				series("dashboard.nps", groups, DashboardCharts::nps),
				series("dashboard.ces-easy", groups, DashboardCharts::cesEasyPercent)));
	}

	/** The group an organisation falls in for breakdown {@code by}, in the reader's language. */
	String groupOf(String by, Organisation organisation) {
		String value = switch (by) {
			case "industry" -> organisation.getIndustry();
			case "region" -> organisation.getRegion();
			default -> organisation.getTier().getNumber() == 0 ? ""
					: text("tier." + organisation.getTier().name());
		};
		return value.isBlank() ? text("dashboard.not-given") : value;
	}

	/**
	 * A group of feedback-service's figures by segment in the reader's language: a tier ({@code VIP}) by its name,
	 * an empty value "Not given", {@code UNKNOWN} "Not known when answered" (customer-service could not be asked).
	 */
	String segmentLabel(String by, String value) {
		if (value.equals("UNKNOWN")) {
			return text("dashboard.segment-unknown");
		}
		if (value.isBlank()) {
			return text("dashboard.not-given");
		}
		return by.equals("tier") ? text("tier.TIER_" + value) : value;
	}

	static Double csatPercent(PeriodFigures period) {
		return period.getCsat().hasCsatPercentBp() ? period.getCsat().getCsatPercentBp() / 100.0 : null;
	}

	static Double nps(PeriodFigures period) {
		return period.getNps().hasNps() ? (double) period.getNps().getNps() : null;
	}

	static Double cesEasyPercent(PeriodFigures period) {
		return period.getCes().hasCesEasyShareBp() ? period.getCes().getCesEasyShareBp() / 100.0 : null;
	}

	static Double responseRatePercent(PeriodFigures period) {
		return period.hasResponseRateBp() ? period.getResponseRateBp() / 100.0 : null;
	}

	private String distribution(String name, KindFigures kind, int lowest) {
		List<String> labels = new ArrayList<>();
		List<Double> counts = new ArrayList<>();
		for (int score = lowest; score < kind.getDistributionCount(); score++) {
			labels.add(String.valueOf(score));
			counts.add((double) kind.getDistribution(score));
		}
		return chart("bar", labels, List.of("{\"label\":" + quote(text(name)) + ",\"data\":" + numbers(counts) + "}"));
	}

	private String series(String name, List<PeriodFigures> periods, Function<PeriodFigures, Double> value) {
		return "{\"label\":" + quote(text(name)) + ",\"data\":" + numbers(periods.stream().map(value).toList()) + "}";
	}

	private static String chart(String type, List<String> labels, List<String> datasets) {
		return "{\"type\":" + quote(type) + ",\"labels\":["
				+ String.join(",", labels.stream().map(DashboardCharts::quote).toList()) + "],\"datasets\":["
				+ String.join(",", datasets) + "]}";
	}

	private static String numbers(List<Double> values) {
		return "[" + String.join(",", values.stream()
			.map(v -> v == null ? "null" : v == Math.rint(v) ? String.valueOf(v.longValue()) : String.valueOf(v))
			.toList()) + "]";
	}

	static String quote(String text) {
		StringBuilder json = new StringBuilder("\"");
		for (char c : text.toCharArray()) {
			switch (c) {
				case '"' -> json.append("\\\"");
				case '\\' -> json.append("\\\\");
				default -> {
					if (c < 0x20) {
						json.append(String.format("\\u%04x", (int) c));
					}
					else {
						json.append(c);
					}
				}
			}
		}
		return json.append('"').toString();
	}

	private String text(String code) {
		return messages.getMessage(code, null, code, LocaleContextHolder.getLocale());
	}
}
