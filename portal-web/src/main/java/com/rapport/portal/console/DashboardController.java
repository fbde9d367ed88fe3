package com.rapport.portal.console;

import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import com.rapport.contracts.customer.v1.LifecycleCounts;
import com.rapport.contracts.customer.v1.LifecycleFigures;
import com.rapport.contracts.customer.v1.ListOrganisationsResponse;
import com.rapport.contracts.customer.v1.Organisation;
import com.rapport.contracts.customer.v1.SegmentChoices;
import com.rapport.contracts.feedback.v1.FeedbackFigures;
import com.rapport.contracts.ticket.v1.TicketFigures;
import com.rapport.portal.remote.CustomerClient;
import com.rapport.portal.remote.FiguresClient;
import com.rapport.portal.remote.TicketFiguresClient;
import com.rapport.support.error.RemoteUnavailableException;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The KPI dashboard of the survey figures (issue 10): CSAT %, NPS, CES and response rate month by month, the
 * period's score distributions and a breakdown by tier, industry or region, with filters and a CSV export. The
 * survey figures come from feedback-service's roll-ups by segment (the tier, industry and region an organisation had
 * when it answered), and the lifecycle figures from customer-service by segment and period (the stages now, the
 * changes month by month), whatever the number of organisations, as are the industries and regions offered; the
 * delivery figures still take the organisations' ids, which customer-service lists (a page of 200 at a time, at most
 * {@value #MAX_ORGANISATION_PAGES} pages); the ticket figures of every organisation come from ticket-service (without
 * it, the rest is shown).
 */
@Controller
@PreAuthorize("hasAnyRole('manager', 'admin')")
class DashboardController {

	private static final Logger log = LoggerFactory.getLogger(DashboardController.class);

	/** How many pages of 200 organisations a breakdown or filter reads at most (2,000 organisations). */
	static final int MAX_ORGANISATION_PAGES = 10;

	static final List<String> DIMENSIONS = List.of("tier", "industry", "region");

	/** The Chart.js kept as a webjar (portal-web's pom); its script is served from this site, as the CSP asks. */
	static final String CHART_JS_VERSION = "4.4.1";

	private final FiguresClient figures;

	private final CustomerClient customers;

	private final DashboardCharts charts;

	private final TicketFiguresClient tickets;

	private final OperationsFigures operations;

	DashboardController(FiguresClient figures, CustomerClient customers, DashboardCharts charts,
			TicketFiguresClient tickets, OperationsFigures operations) {
		this.figures = figures;
		this.customers = customers;
		this.charts = charts;
		this.tickets = tickets;
		this.operations = operations;
	}

	/** What the page was asked: the period, the breakdown and the filters, each checked. */
	record Query(YearMonth from, YearMonth to, String by, String tier, String industry, String region,
			boolean invalid) {

		static Query of(String from, String to, String by, String tier, String industry, String region) {
			YearMonth now = YearMonth.now(ZoneOffset.UTC);
			YearMonth last = month(to, now);
			YearMonth first = month(from, (last == null ? now : last).minusMonths(11));
			boolean invalid = first == null || last == null || last.isBefore(first)
					|| first.plusMonths(23).isBefore(last) || !DIMENSIONS.contains(by);
			if (invalid) {
				return new Query(now.minusMonths(11), now, "tier", "", "", "", true);
			}
			return new Query(first, last, by, tier.strip(), industry.strip(), region.strip(), false);
		}

		private static YearMonth month(String value, YearMonth otherwise) {
			if (value.isBlank()) {
				return otherwise;
			}
			try {
				return YearMonth.parse(value.strip());
			}
			catch (DateTimeParseException ex) {
				return null;
			}
		}

		boolean filtered() {
			return !tier.isEmpty() || !industry.isEmpty() || !region.isEmpty();
		}

		boolean admits(Organisation organisation) {
			return (tier.isEmpty() || organisation.getTier().name().equals(tier))
					&& (industry.isEmpty() || organisation.getIndustry().equals(industry))
					&& (region.isEmpty() || organisation.getRegion().equals(region));
		}
	}

	/** The organisations read for the filters and the breakdown, and whether there were more than were read. */
	record Organisations(List<Organisation> all, boolean cut) {
	}

	@GetMapping("/console/dashboard")
	String dashboard(@RequestParam(defaultValue = "") String from, @RequestParam(defaultValue = "") String to,
			@RequestParam(defaultValue = "tier") String by, @RequestParam(defaultValue = "") String tier,
			@RequestParam(defaultValue = "") String industry, @RequestParam(defaultValue = "") String region,
			Model model, HttpServletResponse response) {
		Query query = Query.of(from, to, by, tier, industry, region);
		model.addAttribute("chartJsVersion", CHART_JS_VERSION);
		if (query.invalid()) {
			response.setStatus(400);
			model.addAttribute("notice", "dashboard.invalid");
		}
		LifecycleFigures lifecycle = lifecycle(query);
		// Deliveries still take the organisations' ids (order-tracking-service keeps no segments yet): read for them.
		Organisations organisations = organisations();
		List<Organisation> chosen = organisations.all().stream().filter(query::admits).toList();
		SegmentChoices choices = operations.choices();
		model.addAttribute("query", query);
		model.addAttribute("cut", organisations.cut());
		model.addAttribute("cutAt", MAX_ORGANISATION_PAGES * 200);
		model.addAttribute("industries", choices != null ? choices.getIndustriesList()
				: distinct(organisations.all(), Organisation::getIndustry));
		model.addAttribute("regions", choices != null ? choices.getRegionsList()
				: distinct(organisations.all(), Organisation::getRegion));
		model.addAttribute("months", months(query));
		model.addAttribute("tickets", ticketFigures(query));
		boolean noneNow = query.filtered() && (lifecycle != null ? organisationsOf(lifecycle.getTotal()) == 0
				: chosen.isEmpty() && !organisations.cut());
		model.addAttribute("noneNow", noneNow);
		model.addAttribute("operations", noneNow ? null : new OperationsFigures.Read(operations.deliveries(
				query.from().toString(), query.to().toString(), filter(query, chosen), groups(query, chosen)), lifecycle));
		FeedbackFigures answer = read(query);
		model.addAttribute("figures", answer);
		model.addAttribute("trendChart", charts.trend(answer));
		model.addAttribute("distributionCharts", charts.distributions(answer));
		model.addAttribute("breakdownChart", charts.breakdown(answer));
		return "console/dashboard";
	}

	@GetMapping("/console/dashboard.csv")
	ResponseEntity<String> csv(@RequestParam(defaultValue = "") String from, @RequestParam(defaultValue = "") String to,
			@RequestParam(defaultValue = "tier") String by, @RequestParam(defaultValue = "") String tier,
			@RequestParam(defaultValue = "") String industry, @RequestParam(defaultValue = "") String region) {
		Query query = Query.of(from, to, by, tier, industry, region);
		if (query.invalid()) {
			return ResponseEntity.badRequest().contentType(MediaType.TEXT_PLAIN).body("Not a period or breakdown\n");
		}
		String csv = DashboardCsv.of(read(query));
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename("feedback-figures-" + query.from() + "-" + query.to() + ".csv")
						.build()
						.toString())
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.body(csv);
	}

	/** Every organisation's ticket figures of the period; null (the page says so) while ticket-service cannot answer. */
	private TicketFigures ticketFigures(Query query) {
		try {
			return tickets.figures(query.from().toString(), query.to().toString(), "");
		}
		catch (RemoteUnavailableException ex) {
			log.warn("Dashboard without ticket figures: {}", ex.getMessage());
			return null;
		}
	}

	/**
	 * The survey figures of the segment the filters name, broken down as asked, by feedback-service's roll-ups by
	 * segment: no organisation is listed for them, so they cover every organisation however many there are. The
	 * groups' labels are said in the reader's language (a tier's name, "Not given", "Not known when answered").
	 */
	private FeedbackFigures read(Query query) {
		FeedbackFigures answer = figures.bySegment(query.from().toString(), query.to().toString(), query.tier(),
				query.industry(), query.region(), query.by());
		FeedbackFigures.Builder labelled = answer.toBuilder();
		for (int i = 0; i < answer.getGroupsCount(); i++) {
			labelled.setGroups(i, answer.getGroups(i).toBuilder().setLabel(charts.segmentLabel(query.by(),
					answer.getGroups(i).getLabel())));
		}
		return labelled.build();
	}

	/**
	 * customer-service's lifecycle figures of the filters' segment by period, the groups named in the reader's language
	 * as the survey groups are; null (the page says so) while customer-service cannot answer.
	 */
	private LifecycleFigures lifecycle(Query query) {
		LifecycleFigures answer = operations.lifecycle(query);
		if (answer == null) {
			return null;
		}
		LifecycleFigures.Builder labelled = answer.toBuilder();
		for (int i = 0; i < answer.getGroupsCount(); i++) {
			labelled.setGroups(i, answer.getGroups(i).toBuilder()
				.setLabel(charts.segmentLabel(query.by(), answer.getGroups(i).getLabel())));
		}
		return labelled.build();
	}

	private static long organisationsOf(LifecycleCounts counts) {
		return counts.getProspects() + counts.getActive() + counts.getDormant() + counts.getChurned();
	}

	/** The organisations of the breakdown's groups (a tier's, an industry's, a region's), by the group's label. */
	private Map<String, List<String>> groups(Query query, List<Organisation> chosen) {
		Map<String, List<String>> groups = new LinkedHashMap<>();
		chosen.forEach(organisation -> groups
			.computeIfAbsent(charts.groupOf(query.by(), organisation), label -> new ArrayList<>())
			.add(organisation.getId()));
		return groups;
	}

	/** The filtered organisations; none (every organisation's figures) without a filter. */
	private static List<String> filter(Query query, List<Organisation> chosen) {
		return query.filtered() ? chosen.stream().map(Organisation::getId).toList() : List.of();
	}

	private Organisations organisations() {
		List<Organisation> all = new ArrayList<>();
		String token = "";
		for (int page = 0; page < MAX_ORGANISATION_PAGES; page++) {
			ListOrganisationsResponse answer = customers.search("", 200, token);
			all.addAll(answer.getOrganisationsList());
			token = answer.getNextPageToken();
			if (token.isEmpty()) {
				return new Organisations(all, false);
			}
		}
		return new Organisations(all, true);
	}

	private static List<String> distinct(List<Organisation> organisations,
			java.util.function.Function<Organisation, String> value) {
		return List.copyOf(organisations.stream().map(value).filter(v -> !v.isBlank())
			.collect(java.util.stream.Collectors.toCollection(TreeSet::new)));
	}

	/** The months a manager may choose from: the last 24. */
	private static List<String> months(Query query) {
		List<String> months = new ArrayList<>();
		YearMonth last = YearMonth.now(ZoneOffset.UTC);
		for (YearMonth month = last.minusMonths(23); !month.isAfter(last); month = month.plusMonths(1)) {
			months.add(month.toString());
		}
		if (!months.contains(query.from().toString())) {
			months.add(0, query.from().toString());
		}
		return months;
	}
}
