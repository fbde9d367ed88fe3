package com.rapport.ticket.figures;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.bson.Document;

import com.rapport.support.error.NotFoundException;
import com.rapport.support.error.UnprocessableException;
import com.rapport.support.security.Caller;
import com.rapport.support.test.FixedClock;
import com.rapport.support.test.TestTokens;
import com.rapport.ticket.customer.CustomerDirectory;
import com.rapport.ticket.sla.Priority;
import com.rapport.ticket.sla.Tier;
import com.rapport.ticket.ticket.Channel;
import com.rapport.ticket.ticket.NewTicket;
import com.rapport.ticket.ticket.Requester;
import com.rapport.ticket.ticket.TicketKind;
import com.rapport.ticket.ticket.TicketRepository;
import com.rapport.ticket.ticket.TicketService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The dashboard's and the scorecard's ticket figures: resolved tickets counted in the UTC month they were resolved,
 * the SLA kept exactly at its due times and not a second later, first-contact resolution, and the backlog now; who
 * reads which organisation's.
 */
@SpringBootTest(properties = { "rapport.mongodb.embedded.in-memory=true", "spring.grpc.server.port=0",
		"spring.grpc.server.inprocess.name=ticket-figures" })
@Import({ TestTokens.DecoderConfiguration.class, FixedClock.class })
class TicketFiguresTests {

	static final Caller MANAGER = new Caller("manager.wang", Set.of(Caller.MANAGER), Set.of(), Optional.empty(),
			"portal-web", "");

	static final Caller ALICE = new Caller("alice", Set.of(Caller.CUSTOMER), Set.of(), Optional.of("acme-retail"),
			"portal-web", "");

	static final Instant OCTOBER_LAST = Instant.parse("2026-10-31T23:59:59Z");

	static final Instant NOVEMBER_FIRST = Instant.parse("2026-11-01T00:00:00Z");

	@Autowired
	TicketFigures figures;

	@Autowired
	TicketService tickets;

	@Autowired
	TicketRepository stored;

	@Autowired
	MongoTemplate mongo;

	@MockitoBean
	CustomerDirectory customers;

	@BeforeEach
	void setUp() {
		stored.deleteAll();
	}

	/** A resolved ticket as the store keeps it: opened an hour before it was answered, with its due times. */
	private void resolved(String id, String customerId, Instant resolvedAt, Instant answeredAt, Instant responseDue,
			Instant resolutionDue, boolean firstContact) {
		Document ticket = new Document("_id", id).append("number", "T-" + id).append("customerId", customerId)
			.append("status", "CLOSED").append("openedAt", Date.from(resolvedAt.minus(Duration.ofHours(10))))
			.append("resolvedAt", Date.from(resolvedAt)).append("firstContactResolution", firstContact)
			.append("sla", new Document("firstResponseDue", Date.from(responseDue)).append("resolutionDue",
					Date.from(resolutionDue)));
		if (answeredAt != null) {
			ticket.append("firstRespondedAt", Date.from(answeredAt));
		}
		mongo.insert(ticket, "tickets");
	}

	@Test
	void firstResponseAndHandlingTimeAreAlsoCountedInWorkingTimeOnTheTicketsCalendar() {
		officeHours("office-utc", "Office", "UTC");
		// Opened on Friday 27 November at 17:00, answered on Monday at 10:00, resolved at 12:00 (UTC).
		resolvedOn("office-utc", "weekend", Instant.parse("2026-11-27T17:00:00Z"),
				Instant.parse("2026-11-30T10:00:00Z"), Instant.parse("2026-11-30T12:00:00Z"));

		TicketFigures.Period november = figures.of(MANAGER, "2026-11", "2026-11", "").months().get(0);

		assertThat(november.firstResponseSeconds()).as("wall clock").isEqualTo(65 * 3600);
		assertThat(november.firstResponseWorkingSeconds()).as("Friday's last hour and Monday's first").isEqualTo(2 * 3600);
		assertThat(november.handlingSeconds()).isEqualTo(67 * 3600);
		assertThat(november.handlingWorkingSeconds()).isEqualTo(4 * 3600);
		var proto = com.rapport.ticket.figures.grpc.TicketFiguresGrpcServiceTests.toProto(november);
		assertThat(proto.getFirstResponseWorkingSecondsAverage()).isEqualTo(2 * 3600);
		assertThat(proto.getHandlingWorkingSecondsAverage()).isEqualTo(4 * 3600);
	}

	/**
	 * Session 17, the dashboard's working hours on their edges: a ticket on the Shanghai office's calendar opened on
	 * the last working day of 2026 an hour before closing, over New Year's Day (a holiday on a Friday) and the
	 * weekend, answered on Monday an hour after opening and resolved two hours later: 2 and 4 working hours (89 and
	 * 91 on the wall clock); the figures name the calendar they counted on.
	 */
	@Test
	void workingTimeSkipsAHolidayAndAWeekendAndTheFiguresNameTheCalendar() {
		officeHours("shanghai-office", "Shanghai office", "Asia/Shanghai",
				new com.rapport.ticket.sla.Holiday(java.time.LocalDate.parse("2027-01-01"), "元旦", "New Year's Day"));
		// Thursday 31 December 17:00 in Shanghai; Monday 4 January 10:00 and 12:00.
		resolvedOn("shanghai-office", "new-year", Instant.parse("2026-12-31T09:00:00Z"),
				Instant.parse("2027-01-04T02:00:00Z"), Instant.parse("2027-01-04T04:00:00Z"));

		TicketFigures.Figures january = figures.of(MANAGER, "2027-01", "2027-01", "");

		assertThat(january.total().firstResponseSeconds()).as("wall clock").isEqualTo(89 * 3600);
		assertThat(january.total().firstResponseWorkingSeconds()).as("Thursday's last hour and Monday's first")
			.isEqualTo(2 * 3600);
		assertThat(january.total().handlingSeconds()).isEqualTo(91 * 3600);
		assertThat(january.total().handlingWorkingSeconds()).isEqualTo(4 * 3600);
		assertThat(january.calendars()).containsExactly(
				new TicketFigures.CalendarCounted("shanghai-office", "Shanghai office"));
		assertThat(figures.of(MANAGER, "2026-11", "2026-11", "").calendars()).as("nothing resolved then").isEmpty();
	}

	/** A calendar of Monday to Friday, 09:00 to 18:00 in {@code zone}, with these holidays. */
	private void officeHours(String id, String name, String zone, com.rapport.ticket.sla.Holiday... holidays) {
		mongo.save(new com.rapport.ticket.sla.BusinessCalendar(id, name, zone,
				java.util.stream.Stream.of(java.time.DayOfWeek.MONDAY, java.time.DayOfWeek.TUESDAY,
						java.time.DayOfWeek.WEDNESDAY, java.time.DayOfWeek.THURSDAY, java.time.DayOfWeek.FRIDAY)
					.map(day -> new com.rapport.ticket.sla.WorkingHours(day, "09:00", "18:00")).toList(),
				java.util.List.of(holidays), null, null));
	}

	/** A ticket on the calendar, opened, answered and resolved then (closed), both due times at its resolution. */
	private void resolvedOn(String calendarId, String id, Instant opened, Instant answered, Instant done) {
		mongo.insert(new Document("_id", id).append("number", "T-" + id).append("customerId", "acme-retail")
			.append("status", "CLOSED").append("openedAt", Date.from(opened)).append("firstRespondedAt", Date.from(answered))
			.append("resolvedAt", Date.from(done)).append("sla", new Document("firstResponseDue", Date.from(done))
				.append("resolutionDue", Date.from(done)).append("calendarId", calendarId)), "tickets");
	}

	@Test
	void theSlaIsKeptAtItsDueTimesExactlyAndNotASecondLater() {
		Instant done = NOVEMBER_FIRST.plus(Duration.ofDays(3));
		Instant answered = done.minus(Duration.ofHours(8));
		resolved("kept", "acme-retail", done, answered, answered, done, true);
		resolved("late-answer", "acme-retail", done, answered, answered.minusSeconds(1), done, false);
		resolved("late-resolution", "acme-retail", done, answered, answered, done.minusSeconds(1), true);
		// Resolved without an answer before the first answer was due: its resolution was the answer.
		resolved("no-answer", "acme-retail", done, null, done, done, false);

		TicketFigures.Period november = figures.of(MANAGER, "2026-11", "2026-11", "").months().get(0);

		assertThat(november.resolved()).isEqualTo(4);
		assertThat(november.slaKept()).isEqualTo(2);
		assertThat(november.firstContactResolved()).isEqualTo(2);
		assertThat(november.responded()).isEqualTo(3);
		assertThat(november.firstResponseSeconds()).isEqualTo(3 * 2 * 3600);
		assertThat(november.handlingSeconds()).isEqualTo(4 * 10 * 3600);
	}

	@Test
	void aTicketCountsInTheUtcMonthItWasResolvedAndMonthsWithoutOnesAreThereEmpty() {
		resolved("oct", "acme-retail", OCTOBER_LAST, null, OCTOBER_LAST, OCTOBER_LAST, true);
		resolved("nov", "globex-trading", NOVEMBER_FIRST, null, NOVEMBER_FIRST, NOVEMBER_FIRST, true);

		TicketFigures.Figures all = figures.of(MANAGER, "2026-09", "2026-11", "");
		assertThat(all.months()).extracting(TicketFigures.Period::label).containsExactly("2026-09", "2026-10",
				"2026-11");
		assertThat(all.months()).extracting(TicketFigures.Period::resolved).containsExactly(0, 1, 1);
		assertThat(all.total().resolved()).isEqualTo(2);

		assertThat(figures.of(MANAGER, "2026-09", "2026-11", "globex-trading").months())
			.extracting(TicketFigures.Period::resolved).containsExactly(0, 0, 1);
	}

	@Test
	void theBacklogIsTheOpenTicketsNowByTierChannelAndAgent() {
		tickets.open(new NewTicket("acme-retail", "Chairs wobble", TicketKind.COMPLAINT, Priority.NORMAL, Channel.PORTAL,
				Requester.of("contact-1", "Alice Chen", "alice@acme.example"), null,
				FixedClock.NOW.minus(Duration.ofDays(3)), Tier.VIP));
		tickets.open(new NewTicket("globex-trading", "Invoice copy", TicketKind.REQUEST, Priority.NORMAL,
				Channel.EMAIL, Requester.of("contact-2", "Gavin", "gavin@globex.example"), null,
				FixedClock.NOW.minus(Duration.ofMinutes(1)), Tier.NORMAL));

		TicketFigures.Figures all = figures.of(MANAGER, "2026-11", "2026-11", "");
		assertThat(all.open()).isEqualTo(2);
		assertThat(all.breached()).isEqualTo(1);
		assertThat(all.byTier()).containsExactly(new TicketFigures.Backlog("NORMAL", 1, 0),
				new TicketFigures.Backlog("VIP", 1, 1));
		assertThat(all.byChannel()).extracting(TicketFigures.Backlog::key).containsExactly("EMAIL", "PORTAL");
		assertThat(all.byAssignee().stream().mapToInt(TicketFigures.Backlog::open).sum()).isEqualTo(2);
		assertThat(all.byAssignee().stream().mapToInt(TicketFigures.Backlog::breached).sum()).isEqualTo(1);

		TicketFigures.Figures own = figures.of(ALICE, "2026-11", "2026-11", "");
		assertThat(own.open()).isEqualTo(1);
		assertThat(own.byTier()).containsExactly(new TicketFigures.Backlog("VIP", 1, 1));
		assertThat(own.byAssignee()).isEmpty();
	}

	@Test
	void aContactReadsItsOwnOrganisationOnlyAndAgentsAndServicesNothing() {
		resolved("g", "globex-trading", NOVEMBER_FIRST, null, NOVEMBER_FIRST, NOVEMBER_FIRST, true);
		Caller agent = new Caller("agent.li", Set.of(Caller.AGENT), Set.of(), Optional.empty(), "portal-web", "");
		Caller service = new Caller("feedback-service", Set.of(Caller.INTERNAL), Set.of(), Optional.empty(),
				"feedback-service", "");

		assertThat(figures.of(ALICE, "2026-11", "2026-11", "").total().resolved()).isZero();
		assertThat(figures.of(ALICE, "2026-11", "2026-11", "acme-retail").total().resolved()).isZero();
		assertThatThrownBy(() -> figures.of(ALICE, "2026-11", "2026-11", "globex-trading"))
			.isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> figures.of(agent, "2026-11", "2026-11", "")).isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> figures.of(service, "2026-11", "2026-11", ""))
			.isInstanceOf(AccessDeniedException.class);
	}

	@Test
	void aPeriodThatIsNoMonthReversedOrOverTwoYearsIsRefusedNamingTheField() {
		assertThatThrownBy(() -> figures.of(MANAGER, "2026-13", "2026-11", ""))
			.isInstanceOfSatisfying(UnprocessableException.class,
					ex -> assertThat(ex.fieldMessages()).containsOnlyKeys("fromMonth"));
		assertThatThrownBy(() -> figures.of(MANAGER, "2026-11", "2026-10", ""))
			.isInstanceOfSatisfying(UnprocessableException.class,
					ex -> assertThat(ex.fieldMessages()).containsOnlyKeys("toMonth"));
		assertThat(figures.of(MANAGER, "2024-12", "2026-11", "").months()).hasSize(24);
	}
}
