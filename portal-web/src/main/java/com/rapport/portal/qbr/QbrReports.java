package com.rapport.portal.qbr;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import com.google.protobuf.Timestamp;
import com.rapport.contracts.customer.v1.Organisation;
import com.rapport.contracts.feedback.v1.FeedbackFigures;
import com.rapport.contracts.feedback.v1.PeriodFigures;
import com.rapport.contracts.ordertracking.v1.DeliveryCounts;
import com.rapport.contracts.ordertracking.v1.DeliveryFigures;
import com.rapport.contracts.ordertracking.v1.DeliveryPerformance;
import com.rapport.contracts.ticket.v1.TicketFigures;
import com.rapport.contracts.ticket.v1.TicketPeriodFigures;
import com.rapport.portal.remote.CustomerClient;
import com.rapport.portal.remote.DeliveryFiguresClient;
import com.rapport.portal.remote.FiguresClient;
import com.rapport.portal.remote.ImprovementClient;
import com.rapport.portal.remote.OrderClient;
import com.rapport.portal.remote.TicketFiguresClient;
import com.rapport.portal.web.Formats;
import com.rapport.support.error.RemoteUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Gathers a quarter of one organisation from the services that own each part, with the signed-in manager's token:
 * its name (customer-service), deliveries of the quarter (order-tracking-service), tickets resolved in it
 * (ticket-service), its survey scores and its on-time delivery month by month over this quarter and the one before
 * (feedback-service, order-tracking-service), its lifecycle stage now and the improvements made for it. A part whose service cannot answer is left out ({@code null}); the organisation itself
 * must be there.
 */
@Component
class QbrReports {

	private static final Logger log = LoggerFactory.getLogger(QbrReports.class);

	private final CustomerClient customers;

	private final OrderClient orders;

	private final TicketFiguresClient tickets;

	private final FiguresClient scores;

	private final ImprovementClient improvements;

	private final DeliveryFiguresClient onTime;

	private final Formats formats;

	private final MessageSource messages;

	QbrReports(CustomerClient customers, OrderClient orders, TicketFiguresClient tickets, FiguresClient scores,
			ImprovementClient improvements, DeliveryFiguresClient onTime, Formats formats, MessageSource messages) {
		this.onTime = onTime;
		this.customers = customers;
		this.orders = orders;
		this.tickets = tickets;
		this.scores = scores;
		this.improvements = improvements;
		this.formats = formats;
		this.messages = messages;
	}

	QbrReport of(String organisationId, Quarter quarter) {
		Organisation organisation = customers.organisation(organisationId);
		String name = organisation.getName();
		Instant end = quarter.end().isAfter(Instant.now()) ? Instant.now() : quarter.end();
		DeliveryPerformance delivery = part("deliveries", () -> orders.deliveryPerformance(organisationId,
				timestamp(quarter.start()), timestamp(end)));
		TicketFigures resolved = part("tickets", () -> tickets.figures(quarter.firstMonth().toString(),
				quarter.lastMonth().toString(), organisationId));
		FeedbackFigures figures = part("scores", () -> scores.figures(quarter.previous().firstMonth().toString(),
				quarter.lastMonth().toString(), List.of(organisationId), Map.of()));
		List<QbrReport.Change> changes = part("improvements", () -> improvements.list(organisationId).stream()
			.filter(i -> i.getCustomerId().equals(organisationId))
			.map(i -> new QbrReport.Change(i.getYouSaid(), i.getWeDid()))
			.toList());
		DeliveryFigures months = part("on-time months", () -> onTime.figures(quarter.previous().firstMonth().toString(),
				quarter.lastMonth().toString(), List.of(organisationId), Map.of()));
		return new QbrReport(organisationId, name, quarter.toString(), quarter.previous().toString(),
				delivery == null ? null : deliveries(delivery), resolved == null ? null : tickets(resolved),
				figures == null ? null : figures.getMonthsList().stream().map(this::month).toList(), changes,
				months == null ? null : months.getMonthsList().stream().map(this::onTimeMonth).toList(),
				text("lifecycle." + organisation.getLifecycleStage().name()));
	}

	private QbrReport.Deliveries deliveries(DeliveryPerformance d) {
		return new QbrReport.Deliveries(d.getDelivered(), d.getDeliveredWithPromisedDate(), d.getDeliveredOnTime(),
				d.hasOnTimeRateBasisPoints() ? formats.percent(d.getOnTimeRateBasisPoints()) : none(),
				d.getInProgressLate());
	}

	private QbrReport.OnTimeMonth onTimeMonth(DeliveryCounts m) {
		return new QbrReport.OnTimeMonth(m.getLabel(), m.getDelivered(), m.getWithPromisedDate(), m.getOnTime(),
				m.hasOnTimeShareBp() ? formats.percent(m.getOnTimeShareBp()) : none());
	}

	private QbrReport.Tickets tickets(TicketFigures figures) {
		TicketPeriodFigures t = figures.getTotal();
		return new QbrReport.Tickets(t.getResolved(), t.hasSlaKeptBp() ? formats.percent(t.getSlaKeptBp()) : none(),
				t.hasFirstResponseSecondsAverage() ? duration(t.getFirstResponseSecondsAverage()) : none(),
				t.hasHandlingSecondsAverage() ? duration(t.getHandlingSecondsAverage()) : none(),
				t.hasFirstContactResolutionBp() ? formats.percent(t.getFirstContactResolutionBp()) : none(),
				figures.getOpen());
	}

	private QbrReport.ScoreMonth month(PeriodFigures m) {
		return new QbrReport.ScoreMonth(m.getLabel(),
				m.getCsat().hasCsatPercentBp() ? formats.percent(m.getCsat().getCsatPercentBp()) : none(),
				m.getNps().hasNps() ? String.valueOf(m.getNps().getNps()) : none(),
				m.getCes().hasCesAverageTenths()
						? m.getCes().getCesAverageTenths() / 10 + "." + m.getCes().getCesAverageTenths() % 10 : none(),
				m.getCsat().getAnswers() + m.getNps().getAnswers() + m.getCes().getAnswers());
	}

	private String duration(long seconds) {
		return text("dashboard.duration", seconds / 3600, seconds % 3600 / 60);
	}

	private String none() {
		return text("dashboard.none");
	}

	private String text(String code, Object... args) {
		return messages.getMessage(code, args, LocaleContextHolder.getLocale());
	}

	private static Timestamp timestamp(Instant instant) {
		return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).build();
	}

	private static <T> T part(String name, Supplier<T> read) {
		try {
			return read.get();
		}
		catch (RemoteUnavailableException ex) {
			log.warn("QBR without {}: {}", name, ex.getMessage());
			return null;
		}
	}

	/** A calendar quarter in UTC, "2026-Q4". */
	record Quarter(int year, int number) {

		static Quarter parse(String text) {
			if (text == null || text.isBlank()) {
				YearMonth now = YearMonth.now(ZoneOffset.UTC);
				return new Quarter(now.getYear(), (now.getMonthValue() - 1) / 3 + 1);
			}
			java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d{4})-Q([1-4])").matcher(text.strip());
			if (!m.matches()) {
				throw new IllegalArgumentException("Not a quarter: " + text);
			}
			return new Quarter(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
		}

		YearMonth firstMonth() {
			return YearMonth.of(year, (number - 1) * 3 + 1);
		}

		YearMonth lastMonth() {
			return firstMonth().plusMonths(2);
		}

		Instant start() {
			return firstMonth().atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
		}

		Instant end() {
			return lastMonth().plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
		}

		Quarter previous() {
			return number == 1 ? new Quarter(year - 1, 4) : new Quarter(year, number - 1);
		}

		@Override
		public String toString() {
			return year + "-Q" + number;
		}
	}
}
