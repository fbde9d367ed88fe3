package com.rapport.ticket.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.rapport.ticket.assignment.SupportTeam;
import com.rapport.ticket.attachment.Attachment;
import com.rapport.ticket.attachment.AttachmentUpload;
import com.rapport.ticket.attachment.Attachments;
import com.rapport.ticket.assignment.SupportTeams;
import com.rapport.ticket.assignment.TeamAgent;
import com.rapport.ticket.macro.Macro;
import com.rapport.ticket.macro.Macros;
import com.rapport.ticket.sla.BusinessCalendar;
import com.rapport.ticket.sla.Holiday;
import com.rapport.ticket.sla.Priority;
import com.rapport.ticket.sla.SlaPolicy;
import com.rapport.ticket.sla.SlaProperties;
import com.rapport.ticket.sla.SlaSettings;
import com.rapport.ticket.sla.Tier;
import com.rapport.ticket.ticket.Author;
import com.rapport.ticket.ticket.AuthorKind;
import com.rapport.ticket.ticket.Category;
import com.rapport.ticket.ticket.Channel;
import com.rapport.ticket.ticket.Classification;
import com.rapport.ticket.ticket.NewTicket;
import com.rapport.ticket.ticket.Requester;
import com.rapport.ticket.ticket.Severity;
import com.rapport.ticket.ticket.Ticket;
import com.rapport.ticket.ticket.TicketConversation;
import com.rapport.ticket.ticket.TicketKind;
import com.rapport.ticket.ticket.TicketRepository;
import com.rapport.ticket.ticket.Commitment;
import com.rapport.ticket.ticket.TicketCommitments;
import com.rapport.ticket.ticket.TicketService;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

/**
 * Tickets for the demo organisations (ids and contacts as in customer-service's demo data), opened through
 * {@link TicketService} so they carry their SLA timers and reach the timeline, and dated relative to now and
 * to the policies in force, in working time of the standard calendar (stored with mainland China's public
 * holidays when none is stored yet), so the first look shows every SLA state whenever it is loaded: Acme Retail (VIP) a breached complaint
 * about the late delivery of ACME-1015, one at risk, one on track, one waiting on the customer and one
 * resolved in time (at first contact); Globex Trading (key) one on track and a technical request nobody has answered yet, which automatic assignment gives to the demo team ({@link #QUALITY_AND_TECHNICAL}). Each has its conversation: the
 * customer's words, Li Na's answers, and on the complaint an internal note and a reply of the customer. The tiers are given, the ones customer-service's demo
 * ends with, so that the states do not depend on whether customer-service is up yet (it is asked nothing).
 * Loaded only into an empty store; runs once the application (and its gRPC clients) is ready, and a failure
 * is logged, never fatal to start-up.
 */
@Component
@ConditionalOnBooleanProperty("rapport.demo-data")
class DemoData implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoData.class);

	static final String ACME = "acme-retail";

	static final String GLOBEX = "globex-trading";

	private static final Requester ALICE = Requester.of("3f0c2a8e-5d1b-4c55-9d3a-6c1e0a7b1001", "Alice Chen",
			"alice.chen@acme-retail.example");

	private static final Requester BO = Requester.of("3f0c2a8e-5d1b-4c55-9d3a-6c1e0a7b1002", "Bo Zhang",
			"bo.zhang@acme-retail.example");

	private static final Requester GAVIN = Requester.of("3f0c2a8e-5d1b-4c55-9d3a-6c1e0a7b2001", "Gavin Wu",
			"gavin.wu@globex.example");

	/** The demo agent (customer-service's and the realm's {@code agent.li}). */
	private static final Author LI_NA = new Author(AuthorKind.STAFF, "agent.li", "Li Na");

	/**
	 * The team for quality and technical issues (the realm's agent Li Na and manager Wang Fang): automatic
	 * assignment goes round them; tickets of other categories wait in the queue for staff to take.
	 */
	static final SupportTeam QUALITY_AND_TECHNICAL = new SupportTeam("quality-technical", "Quality & technical",
			List.of(Category.QUALITY, Category.TECHNICAL),
			List.of(new TeamAgent("agent.li", "Li Na", List.of(), List.of("zh-CN", "en"), 20, true),
					new TeamAgent("manager.wang", "Wang Fang", List.of(Category.QUALITY), List.of("zh-CN", "en"), 8,
							true)),
			null, null);

	/** Two standard answers staff insert into replies, in both languages, with placeholders. */
	static final List<Macro> MACROS = List.of(
			new Macro("demo-delay-apology", "Apology for a late delivery",
					"Dear {{contact_name}},\n\nI am sorry that order {{order_number}} is late. I am checking with the "
							+ "carrier now and will write to you again today about ticket {{ticket_number}}.",
					"{{contact_name}}，您好：\n\n非常抱歉订单 {{order_number}} 未能按时送达。我正在与承运商核实，今天会就工单 "
							+ "{{ticket_number}} 再次与您联系。",
					null, null),
			new Macro("demo-ask-photos", "Ask for photos of the damage",
					"Dear {{contact_name}},\n\nCould you send us a photo of each damaged item of order {{order_number}}? "
							+ "We will claim them from the plant at once (ticket {{ticket_number}}).",
					"{{contact_name}}，您好：\n\n请您为订单 {{order_number}} 中每件受损的商品拍一张照片发给我们，我们会立即向工厂索赔"
							+ "（工单 {{ticket_number}}）。",
					null, null));

	private final TicketService tickets;

	private final TicketConversation conversation;

	private final TicketRepository repository;

	private final SlaProperties sla;

	private final SlaSettings settings;

	private final SupportTeams teams;

	private final Macros macros;

	private final Clock clock;

	private final Attachments attachments;

	private final TicketCommitments commitments;

	DemoData(TicketService tickets, TicketConversation conversation, TicketRepository repository, SlaProperties sla,
			SlaSettings settings, SupportTeams teams, Macros macros, Clock clock, Attachments attachments,
			TicketCommitments commitments) {
		this.attachments = attachments;
		this.commitments = commitments;
		this.tickets = tickets;
		this.conversation = conversation;
		this.repository = repository;
		this.sla = sla;
		this.settings = settings;
		this.teams = teams;
		this.macros = macros;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (repository.count() > 0) {
			return;
		}
		try {
			load();
		}
		catch (RuntimeException ex) {
			log.warn("Demo tickets not loaded: {}", ex.toString());
		}
	}

	private void load() {
		settings.storeIfAbsent(standardCalendarWithHolidays());
		teams.storeIfAbsent(QUALITY_AND_TECHNICAL);
		MACROS.forEach(macros::storeIfAbsent);
		Instant now = clock.instant();
		BusinessCalendar calendar = settings.calendar(BusinessCalendar.STANDARD);

		// Overdue by a quarter of its resolution target (high priority), answered in time; the customer's
		// reply after that is owed an answer.
		SlaPolicy high = settings.policy(Tier.VIP, Priority.HIGH);
		Instant late = calendar.minus(now, high.resolution().plus(high.resolution().dividedBy(4)));
		Ticket breached = open(ACME, "Order ACME-1015 arrived three days late, held at customs", TicketKind.COMPLAINT,
				Category.DELIVERY, Severity.MAJOR, "ACME-1015", Priority.HIGH, Channel.EMAIL, ALICE, late, Tier.VIP,
				"Our order ACME-1015 was promised for Monday and arrived on Thursday. The shop opening had to be moved. "
						+ "Please explain what happened and how you will make up for it.");
		Instant answered = calendar.plus(late, high.firstResponse().dividedBy(2));
		reply(breached, LI_NA, "Dear Alice, I am sorry for the delay. The shipment was held at customs in Shanghai; "
				+ "I am asking the carrier for the papers and come back to you today.", answered);
		conversation.note(breached.id(), LI_NA, "Carrier says the customs declaration missed the HS code. "
				+ "Check with logistics whether a credit note is due.", answered.plus(Duration.ofMinutes(10)));
		conversation.reply(breached.id(), new Author(AuthorKind.CUSTOMER, ALICE.contactId(), ALICE.name()),
				"Thank you. We need to know by when this will not happen again. The customs notice we got is attached.",
				calendar.plus(answered, high.resolution().dividedBy(2)), file("customs-notice-ACME-1015.pdf",
						"Shanghai customs - notice of inspection", "Consignment: ACME-1015 (12 pallets)",
						"Held: missing HS code on the declaration", "Released: Thursday 10:40"));

		// Li Na's promises on the complaint: a call back with the customs papers, kept in time; a credit note for the
		// late delivery, due an hour after it was promised and not kept (broken). The complaint was opened at least
		// 5 working hours ago (its resolution target and a quarter), so both due times have passed.
		Instant promisedCall = answered.plus(Duration.ofMinutes(5));
		commitments.load(breached.id(), commitment(Commitment.Kind.CALL_BACK,
				"Call Alice back with the customs papers of ACME-1015 / 致电 Alice 说明 ACME-1015 的报关文件",
				promisedCall, promisedCall.plus(Duration.ofHours(4))), promisedCall.plus(Duration.ofHours(2)), null);
		Instant creditDue = promisedCall.plus(Duration.ofHours(1));
		commitments.load(breached.id(), commitment(Commitment.Kind.CREDIT_NOTE,
				"A credit note of 5% of ACME-1015 for the late delivery / 就延迟交货开具 ACME-1015 货款 5% 的贷项通知单",
				promisedCall, creditDue), null, creditDue.plus(Duration.ofMinutes(1)));

		SlaPolicy vip = settings.policy(Tier.VIP, Priority.NORMAL);
		Duration resolution = vip.resolution();
		Duration firstResponse = vip.firstResponse();
		// Four fifths of the at-risk share of its resolution target left, in working time.
		Duration left = resolution.multipliedBy(sla.atRiskPercent() * 4L).dividedBy(500);
		Instant risky = calendar.minus(now, resolution.minus(left));
		Ticket atRisk = open(ACME, "Copy of the invoice for ACME-1013 with the new VAT number", TicketKind.REQUEST,
				Category.BILLING, null, "ACME-1013", Priority.NORMAL, Channel.PORTAL, ALICE, risky, Tier.VIP,
				"Could you send the invoice of ACME-1013 again with our new VAT number 91310000MA1FL4XX3?");
		reply(atRisk, LI_NA, "Hello Alice, I have asked billing to issue the corrected invoice.",
				calendar.plus(risky, firstResponse.dividedBy(2)));
		// Still open: the corrected invoice, promised for tomorrow.
		commitments.load(atRisk.id(), commitment(Commitment.Kind.FIX,
				"The corrected invoice of ACME-1013 with the new VAT number / 开具带新税号的 ACME-1013 更正发票",
				calendar.plus(risky, firstResponse.dividedBy(2)), now.plus(Duration.ofDays(1))), null, null);

		Instant recent = calendar.minus(now, resolution.dividedBy(10));
		Ticket onTrack = open(ACME, "Delivery window for ACME-1014 at the Pudong warehouse", TicketKind.REQUEST,
				Category.DELIVERY, null, "ACME-1014", Priority.NORMAL, Channel.PHONE, BO, recent, Tier.VIP,
				"Bo called: the Pudong warehouse only receives between 9:00 and 15:00. Can ACME-1014 arrive then?");
		reply(onTrack, LI_NA, "Hello Bo, I have asked the carrier for a slot before 15:00 and will confirm it.",
				calendar.plus(recent, half(firstResponse, calendar.between(recent, now))));

		Instant asked = calendar.minus(now, resolution.dividedBy(2));
		Ticket pending = open(ACME, "Return of 5 damaged chairs from ACME-1012", TicketKind.COMPLAINT,
				Category.QUALITY, Severity.MINOR, "ACME-1012", Priority.NORMAL, Channel.PORTAL, ALICE, asked, Tier.VIP,
				"Five chairs of ACME-1012 have torn seats. We want to return them.");
		Instant questioned = calendar.plus(asked, firstResponse.dividedBy(2));
		reply(pending, LI_NA, "Sorry about that, Alice. Could you send us a photo of each torn seat, so that we can "
				+ "claim them from the plant?", questioned);
		tickets.waitOnCustomer(pending.id(), calendar.plus(questioned, calendar.between(questioned, now).dividedBy(2)));

		// Resolved two days ago (well within the quiet period before it closes), in half its target.
		Instant resolvedAt = now.minus(Duration.ofDays(2));
		Instant lastWeek = calendar.minus(resolvedAt, resolution.dividedBy(2));
		Ticket resolved = open(ACME, "Assembly instructions for CHAIR-ERG-01 in Chinese", TicketKind.REQUEST,
				Category.QUESTION, null, null, Priority.LOW, Channel.PORTAL, ALICE, lastWeek, Tier.VIP,
				"Do you have the assembly instructions of CHAIR-ERG-01 in Chinese?");
		conversation.reply(resolved.id(), LI_NA, "Yes: the Chinese instructions are now in the box, and here as a PDF "
				+ "(CHAIR-ERG-01 说明书), attached.", calendar.plus(lastWeek, firstResponse.dividedBy(2)),
				file("CHAIR-ERG-01 说明书.pdf", "CHAIR-ERG-01 assembly instructions (zh)", "1. Attach the base",
						"2. Insert the gas lift", "3. Mount the seat and the back"));
		tickets.resolve(resolved.id(), resolvedAt);

		SlaPolicy key = settings.policy(Tier.KEY, Priority.NORMAL);
		Instant globexOpened = calendar.minus(now, key.resolution().dividedBy(10));
		Ticket globex = open(GLOBEX, "Bulk price for 1,000 LED desk lamps (LAMP-LED-02)", TicketKind.REQUEST,
				Category.QUESTION, null, null, Priority.NORMAL, Channel.EMAIL, GAVIN, globexOpened, Tier.KEY,
				"We plan to order 1,000 LAMP-LED-02 for our new offices. What price can you offer?");
		reply(globex, LI_NA, "Hello Gavin, thank you for asking; our key-account team prepares an offer.",
				calendar.plus(globexOpened, half(key.firstResponse(), calendar.between(globexOpened, now))));

		// Nobody has answered it yet, in a category the demo team takes: automatic assignment gives it to an agent
		// of that team in its first round after start.
		Instant flicker = calendar.minus(now, key.firstResponse().dividedBy(10));
		open(GLOBEX, "LAMP-LED-02 lamps flicker after an hour", TicketKind.REQUEST, Category.TECHNICAL, null, null,
				Priority.NORMAL, Channel.EMAIL, GAVIN, flicker, Tier.KEY,
				"Twelve of the LAMP-LED-02 lamps in our Singapore office flicker after about an hour of use.");

		log.info("Loaded {} demo tickets into the empty store", repository.count());
	}

	/**
	 * The standard calendar of the settings with the statutory public holidays of mainland China in 2026 and
	 * 2027 (the days off the law names; the bridging days and make-up working days of each year's schedule are
	 * not modelled).
	 */
	private BusinessCalendar standardCalendarWithHolidays() {
		BusinessCalendar standard = sla.standardCalendar();
		List<Holiday> holidays = new ArrayList<>();
		holiday(holidays, "2026-01-01", "元旦", "New Year's Day");
		for (String day : List.of("2026-02-16", "2026-02-17", "2026-02-18", "2026-02-19")) {
			holiday(holidays, day, "春节", "Spring Festival");
		}
		holiday(holidays, "2026-04-05", "清明节", "Qingming Festival");
		holiday(holidays, "2026-05-01", "劳动节", "Labour Day");
		holiday(holidays, "2026-05-02", "劳动节", "Labour Day");
		holiday(holidays, "2026-06-19", "端午节", "Dragon Boat Festival");
		holiday(holidays, "2026-09-25", "中秋节", "Mid-Autumn Festival");
		for (String day : List.of("2026-10-01", "2026-10-02", "2026-10-03")) {
			holiday(holidays, day, "国庆节", "National Day");
		}
		holiday(holidays, "2027-01-01", "元旦", "New Year's Day");
		for (String day : List.of("2027-02-05", "2027-02-06", "2027-02-07", "2027-02-08")) {
			holiday(holidays, day, "春节", "Spring Festival");
		}
		return new BusinessCalendar(standard.id(), "Shanghai office", standard.timeZone(), standard.hours(), holidays,
				null, null);
	}

	private static void holiday(List<Holiday> holidays, String date, String nameZh, String nameEn) {
		holidays.add(new Holiday(LocalDate.parse(date), nameZh, nameEn));
	}

	/** A stored demo PDF, as a message lists it. */
	private List<Attachment> file(String name, String... lines) {
		return attachments.store(List.of(new AttachmentUpload(name, DemoFiles.pdf(lines))));
	}

	/** Li Na's promise, open as made. */
	private static Commitment commitment(Commitment.Kind kind, String what, Instant madeAt, Instant dueAt) {
		return new Commitment(java.util.UUID.randomUUID().toString(), kind, what, LI_NA.id(), LI_NA.name(),
				"li.na@supplier.example", dueAt, dueAt.minus(Duration.ofHours(2)), madeAt, LI_NA.id(), LI_NA.name(),
				Commitment.Status.OPEN, null, null, null, null, null, null);
	}

	private void reply(Ticket ticket, Author author, String body, Instant at) {
		conversation.reply(ticket.id(), author, body, at);
	}

	private Ticket open(String customerId, String subject, TicketKind kind, Category category, Severity severity,
			String orderNumber, Priority priority, Channel channel, Requester requester, Instant openedAt, Tier tier,
			String body) {
		return tickets.open(new NewTicket(customerId, subject, kind, priority, channel, requester, null, openedAt, tier,
				new Classification(category, severity, null, orderNumber), body, null));
	}

	/** Half the shorter of two durations: a response in time that lies in the past. */
	private static Duration half(Duration a, Duration b) {
		return (a.compareTo(b) < 0 ? a : b).dividedBy(2);
	}
}
