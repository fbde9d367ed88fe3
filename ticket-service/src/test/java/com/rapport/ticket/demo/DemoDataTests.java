package com.rapport.ticket.demo;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.rapport.support.audit.AuditTrail;
import com.rapport.support.mongo.EmbeddedMongoAutoConfiguration;
import com.rapport.support.security.Caller;
import com.rapport.support.test.FixedClock;
import com.rapport.ticket.MongoAuditingConfiguration;
import com.rapport.ticket.assignment.AutoAssignment;
import com.rapport.ticket.assignment.SupportTeam;
import com.rapport.ticket.assignment.SupportTeams;
import com.rapport.ticket.customer.ContactDirectory;
import com.rapport.ticket.macro.Macro;
import com.rapport.ticket.macro.Macros;
import com.rapport.ticket.customer.CustomerDirectory;
import com.rapport.ticket.customer.OrganisationTiers;
import com.rapport.ticket.sla.SlaProperties;
import com.rapport.ticket.sla.SlaSettings;
import com.rapport.ticket.sla.SlaState;
import com.rapport.ticket.sla.Tier;
import com.rapport.ticket.ticket.AuthorKind;
import com.rapport.ticket.ticket.OpenTickets;
import com.rapport.ticket.ticket.Ticket;
import com.rapport.ticket.ticket.TicketConversation;
import com.rapport.ticket.ticket.TicketKind;
import com.rapport.ticket.ticket.TicketMessage;
import com.rapport.ticket.ticket.TicketRepository;
import com.rapport.ticket.ticket.TicketService;
import com.rapport.ticket.ticket.TicketStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.data.mongodb.test.autoconfigure.DataMongoTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.mockito.Mockito.verifyNoInteractions;

/** What the demo tickets show: every SLA state on Acme Retail's 360 page, whether customer-service is up or not. */
@DataMongoTest
@Import({ MongoAuditingConfiguration.class, FixedClock.class, OrganisationTiers.class, TicketService.class,
		SlaSettings.class, SupportTeams.class, AutoAssignment.class, Macros.class,
		com.rapport.ticket.attachment.Attachments.class, com.rapport.ticket.ticket.TicketCommitments.class,
		com.rapport.ticket.figures.TicketFigures.class })
@org.springframework.boot.context.properties.EnableConfigurationProperties(
		com.rapport.ticket.ticket.CommitmentProperties.class)
@ComponentScan(basePackageClasses = TicketService.class, useDefaultFilters = false,
		includeFilters = @ComponentScan.Filter(type = FilterType.REGEX,
				pattern = ".*\\.(TicketNumbers|TicketLookup|TicketConversation)"))
@ImportAutoConfiguration(EmbeddedMongoAutoConfiguration.class)
@TestPropertySource(properties = { "rapport.mongodb.embedded.in-memory=true",
		"rapport.sla.calendar.working-hours=MON-FRI 09:00-18:00", "rapport.sla.calendar.time-zone=Asia/Shanghai" })
class DemoDataTests {

	static final Caller AGENT = new Caller("agent.li", Set.of(Caller.AGENT), Set.of(), Optional.empty(), "portal-web", "");

	@Autowired
	TicketService service;

	@Autowired
	TicketRepository tickets;

	@Autowired
	SlaProperties sla;

	@Autowired
	SlaSettings settings;

	@Autowired
	Clock clock;

	@Autowired
	TicketConversation conversation;

	@MockitoBean
	CustomerDirectory customers;

	@MockitoBean
	ContactDirectory contacts;

	@Autowired
	SupportTeams teams;

	@Autowired
	AutoAssignment assignment;

	@Autowired
	Macros macros;

	@Autowired
	com.rapport.ticket.attachment.Attachments attachments;

	@Autowired
	com.rapport.ticket.ticket.TicketCommitments commitments;

	@Autowired
	com.rapport.ticket.figures.TicketFigures figures;

	/** The demo is loaded by the platform, which audits nothing of its own (an audit here would be a defect). */
	@MockitoBean
	AuditTrail audit;

	@BeforeEach
	void loadTheDemo() {
		tickets.deleteAll();
		new DemoData(service, conversation, tickets, sla, settings, teams, macros, clock, attachments, commitments).run(null);
	}

	@Test
	void acmeRetailsOpenTicketsShowEveryStateMostUrgentFirst() {
		OpenTickets acme = service.openTickets(AGENT, "acme-retail", 0);

		assertThat(acme.tickets()).extracting(OpenTickets.OpenTicket::state).containsExactly(SlaState.BREACHED,
				SlaState.AT_RISK, SlaState.ON_TRACK, SlaState.PAUSED);
		assertThat(acme.openCount()).isEqualTo(4);
		assertThat(acme.breachedCount()).isEqualTo(1);
		assertThat(acme.atRiskCount()).isEqualTo(1);
		Ticket breached = acme.tickets().get(0).ticket();
		assertThat(breached.kind()).isEqualTo(TicketKind.COMPLAINT);
		assertThat(breached.subject()).contains("ACME-1015");
		assertThat(acme.tickets().get(3).ticket().status()).isEqualTo(TicketStatus.PENDING);
		assertThat(acme.tickets()).allSatisfy(open -> {
			assertThat(open.ticket().tier()).isEqualTo(Tier.VIP);
			assertThat(open.ticket().tierAssumed()).isFalse();
		});
	}

	@Test
	void acmesResolvedTicketMetItsTargetsAndIsNotListed() {
		List<Ticket> resolved = tickets.findAll().stream().filter(t -> t.status() == TicketStatus.RESOLVED).toList();

		assertThat(resolved).singleElement().satisfies(ticket -> {
			assertThat(ticket.customerId()).isEqualTo("acme-retail");
			assertThat(ticket.slaStateAt(FixedClock.NOW, sla.atRiskPercent())).isEqualTo(SlaState.MET);
		});
	}

	@Test
	void globexHasTwoTicketsOnTrackUnderItsKeyPolicy() {
		OpenTickets globex = service.openTickets(AGENT, "globex-trading", 0);

		assertThat(globex.tickets()).hasSize(2).allSatisfy(open -> {
			assertThat(open.state()).isEqualTo(SlaState.ON_TRACK);
			assertThat(open.ticket().tier()).isEqualTo(Tier.KEY);
		});
	}

	/** Two macros in both languages, filled in for the late delivery in Alice's language. */
	@Test
	void theDemoMacrosAreFilledInForATicketInItsContactsLanguage() {
		assertThat(macros.list(AGENT)).extracting(Macro::name).containsExactly("Apology for a late delivery",
				"Ask for photos of the damage");
		Ticket late = tickets.findAll().stream().filter(t -> t.subject().contains("ACME-1015")).findFirst().orElseThrow();

		Macros.Rendered english = macros.render(AGENT, "demo-delay-apology", late.number());

		assertThat(english.language()).as("customer-service not asked here: English").isEqualTo("en");
		assertThat(english.body()).startsWith("Dear Alice Chen,").contains("order ACME-1015 is late")
			.contains("ticket " + late.number() + ".");
	}

	/** The demo team takes quality and technical tickets: Globex's unanswered technical request goes to Li Na. */
	@Test
	void automaticAssignmentGivesTheUnansweredTechnicalRequestToTheDemoTeam() {
		assertThat(teams.all()).extracting(SupportTeam::id).containsExactly("quality-technical");
		assertThat(tickets.findAll()).filteredOn(t -> t.assigneeId() == null).singleElement()
			.satisfies(t -> assertThat(t.subject()).contains("flicker"));

		assertThat(assignment.assignWaiting(10)).isEqualTo(1);

		assertThat(tickets.findAll()).allSatisfy(t -> assertThat(t.assigneeId()).isEqualTo("agent.li"));
		assertThat(tickets.findAll()).filteredOn(t -> t.subject().contains("flicker")).singleElement()
			.satisfies(t -> assertThat(t.assignee()).isEqualTo("Li Na"));
	}

	@Test
	void theStatesDoNotDependOnCustomerServiceWhichIsAskedNothing() {
		verifyNoInteractions(customers);
	}

	@Test
	void everyTicketIsToldToTheTimelineAndTheResolvedOneTwice() {
		assertThat(tickets.findAll()).hasSize(7)
			.allSatisfy(ticket -> assertThat(ticket.outbox()).isNotEmpty());
		// 7 openings, 1 resolution, and the commitments' 3 made, 1 kept, 1 broken.
		assertThat(tickets.findAll().stream().mapToInt(ticket -> ticket.outbox().size()).sum()).isEqualTo(13);
	}

	@Test
	void everyTicketHasItsConversationAndOnlyStaffReadTheNote() {
		assertThat(tickets.findAll()).allSatisfy(ticket -> {
			assertThat(ticket.messages()).first().satisfies(opening -> {
				assertThat(opening.authorKind()).isEqualTo(AuthorKind.CUSTOMER);
				assertThat(opening.authorName()).isEqualTo(ticket.requester().name());
			});
			assertThat(ticket.classification().category()).isNotNull();
		});
		// Li Na answered every ticket but the technical request nobody has taken yet.
		assertThat(tickets.findAll()).filteredOn(t -> !t.subject().contains("flicker")).hasSize(6).allSatisfy(
				ticket -> assertThat(ticket.messages()).anySatisfy(m -> assertThat(m.authorName()).isEqualTo("Li Na")));
		Ticket complaint = tickets.findAll().stream().filter(t -> t.subject().contains("ACME-1015")).findFirst()
			.orElseThrow();
		assertThat(complaint.messages()).extracting(TicketMessage::authorKind, TicketMessage::internal).containsExactly(
				tuple(AuthorKind.CUSTOMER, false), tuple(AuthorKind.STAFF, false), tuple(AuthorKind.STAFF, true),
				tuple(AuthorKind.CUSTOMER, false));
		Caller alice = new Caller("acme.buyer", Set.of(Caller.CUSTOMER), Set.of(), Optional.of("acme-retail"),
				"rapport-gateway", "");
		assertThat(conversation.get(alice, complaint.number()).messages()).hasSize(3).noneMatch(TicketMessage::internal);
		assertThat(tickets.findAll()).filteredOn(t -> t.status() == TicketStatus.RESOLVED).singleElement()
			.satisfies(t -> assertThat(t.firstContactResolution()).isTrue());
		verifyNoInteractions(audit);
	}

	@Test
	void theDemoCarriesAPdfFromTheCustomerAndOneFromLiNaThatReadBackWhole() {
		List<com.rapport.ticket.attachment.Attachment> files = tickets.findAll().stream()
			.flatMap(t -> t.messages().stream()).flatMap(m -> m.attachments().stream()).toList();
		assertThat(files).extracting(com.rapport.ticket.attachment.Attachment::fileName)
			.containsExactlyInAnyOrder("customs-notice-ACME-1015.pdf", "CHAIR-ERG-01 说明书.pdf");
		assertThat(files).allSatisfy(file -> {
			assertThat(file.contentType()).isEqualTo("application/pdf");
			byte[] content = attachments.content(file);
			assertThat(content).hasSize((int) file.size());
			assertThat(new String(content, java.nio.charset.StandardCharsets.US_ASCII)).startsWith("%PDF-1.4")
				.endsWith("%%EOF\n");
		});
	}

	@Test
	void acmeHasOneOpenCommitmentOneKeptAndOneBrokenOnItsTimelineAndInTheFigures() {
		List<com.rapport.ticket.ticket.Commitment> acme = tickets.findAll().stream()
			.filter(t -> t.customerId().equals("acme-retail"))
			.flatMap(t -> t.commitments().stream())
			.toList();
		Instant now = clock.instant();
		assertThat(acme).hasSize(3);
		assertThat(acme).filteredOn(c -> c.isOpen() && !c.brokenAt(now)).singleElement()
			.satisfies(c -> assertThat(c.kind()).isEqualTo(com.rapport.ticket.ticket.Commitment.Kind.FIX));
		assertThat(acme).filteredOn(com.rapport.ticket.ticket.Commitment::keptInTime).hasSize(1);
		assertThat(acme).filteredOn(c -> c.brokenAt(now)).singleElement()
			.satisfies(c -> assertThat(c.kind()).isEqualTo(com.rapport.ticket.ticket.Commitment.Kind.CREDIT_NOTE));
		assertThat(tickets.findAll().stream().flatMap(t -> t.outbox().stream())
			.map(e -> e.kind().name()).filter(k -> k.startsWith("COMMITMENT_")).toList())
			.containsExactlyInAnyOrder("COMMITMENT_MADE", "COMMITMENT_MADE", "COMMITMENT_MADE", "COMMITMENT_KEPT",
					"COMMITMENT_BROKEN");
		Caller manager = new Caller("manager.wang", Set.of(Caller.MANAGER), Set.of(), Optional.empty(), "portal-web",
				"");
		String month = java.time.YearMonth.from(now.atOffset(java.time.ZoneOffset.UTC)).toString();
		String before = java.time.YearMonth.from(now.atOffset(java.time.ZoneOffset.UTC)).minusMonths(1).toString();
		assertThat(figures.of(manager, before, month, "acme-retail").commitments().total())
			.isEqualTo(new com.rapport.ticket.figures.TicketFigures.Promises("", 1, 1));
	}

	@Test
	void aStoreWithTicketsIsLeftAlone() {
		Instant before = tickets.findAll().get(0).openedAt();
		new DemoData(service, conversation, tickets, sla, settings, teams, macros, clock, attachments, commitments).run(null);

		assertThat(tickets.count()).isEqualTo(7);
		assertThat(tickets.findAll().get(0).openedAt()).isEqualTo(before);
	}
}
