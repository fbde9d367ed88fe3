package com.rapport.customer;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.rapport.customer.care.CareTask;
import com.rapport.customer.care.CareTaskKind;
import com.rapport.customer.care.CareTaskRepository;
import com.rapport.customer.care.Holiday;
import com.rapport.customer.care.HolidayRepository;
import com.rapport.customer.identity.InMemoryKeycloakAdmin;
import com.rapport.customer.identity.InvitationService;
import com.rapport.customer.loyalty.LedgerRepository;
import com.rapport.customer.loyalty.LoyaltyService;
import com.rapport.customer.loyalty.Reward;
import com.rapport.customer.loyalty.RewardKind;
import com.rapport.customer.loyalty.RewardRepository;
import com.rapport.customer.organisation.Contact;
import com.rapport.customer.organisation.ContactInput;
import com.rapport.customer.organisation.ContactService;
import com.rapport.customer.organisation.OrganisationInput;
import com.rapport.customer.organisation.OrganisationRepository;
import com.rapport.customer.organisation.OrganisationService;
import com.rapport.customer.timeline.InteractionInput;
import com.rapport.customer.timeline.InteractionKind;
import com.rapport.customer.timeline.InteractionRepository;
import com.rapport.customer.timeline.TimelineService;
import com.rapport.support.security.KeycloakJwtAuthenticationConverter;
import com.rapport.support.test.TestTokens;
import com.rapport.support.test.matrix.AuthorizationMatrixContract;
import com.rapport.support.test.matrix.Caller;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;

@SpringBootTest(properties = { "rapport.mongodb.embedded.in-memory=true", "spring.grpc.server.port=0",
		"spring.grpc.server.inprocess.name=customer-matrix" })
@AutoConfigureMockMvc
@Import({ TestTokens.DecoderConfiguration.class, InMemoryKeycloakAdmin.Configuration.class })
class CustomerAuthorizationMatrixTests extends AuthorizationMatrixContract {

	static final int SMTP_PORT = org.springframework.test.util.TestSocketUtils.findAvailableTcpPort();

	/** A real SMTP server for the referral invitations a customer sends in its rows. */
	@org.junit.jupiter.api.extension.RegisterExtension
	static final com.icegreen.greenmail.junit5.GreenMailExtension smtp = new com.icegreen.greenmail.junit5.GreenMailExtension(
			new com.icegreen.greenmail.util.ServerSetup(SMTP_PORT, "127.0.0.1", "smtp")).withPerMethodLifecycle(false);

	@org.springframework.test.context.DynamicPropertySource
	static void mailServer(org.springframework.test.context.DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> SMTP_PORT);
	}

	private final java.util.concurrent.atomic.AtomicInteger referrals = new java.util.concurrent.atomic.AtomicInteger();

	/** Both organisation A's partner key and its contact's: one value serves both upsert routes. */
	static final String EXTERNAL_ID = "EXT-A-0042";

	@Autowired
	OrganisationRepository organisations;

	@Autowired
	OrganisationService service;

	@Autowired
	ContactService contacts;

	@Autowired
	InteractionRepository interactions;

	@Autowired
	TimelineService timeline;

	@Autowired
	CareTaskRepository careTasks;

	@Autowired
	InvitationService invitations;

	@Autowired
	HolidayRepository holidays;

	@Autowired
	LedgerRepository ledgerEntries;

	@Autowired
	RewardRepository rewards;

	@Autowired
	LoyaltyService loyalty;

	@Autowired
	com.rapport.customer.reorder.ReorderLinks reorderLinks;

	@Autowired
	com.rapport.customer.growth.CustomerGrowthRepository growthFigures;

	@Autowired
	com.rapport.customer.reorder.ReorderDraftRepository reorderDrafts;

	/** order-tracking-service's draft orders (there is none in this test). */
	@MockitoBean
	com.rapport.customer.reorder.DraftOrders draftOrders;

	/** Not organisation A's (the calendar is everyone's), but probed like its records. */
	static final Holiday HOLIDAY = new Holiday("matrix-holiday", java.time.LocalDate.of(2027, 2, 6), List.of("CN"),
			Map.of("en", "Spring Festival", "zh-CN", "春节"),
			Map.of("en", "Dear {name}, happy Spring Festival!", "zh-CN", "{name}，新春快乐！"), null, null);

	private final AtomicInteger created = new AtomicInteger();

	private com.rapport.support.security.Caller admin;

	private String contactOfA;

	private Contact contactOfARecord;

	@Override
	protected void createRecordsOfOrganisationA() {
		organisations.deleteAll();
		interactions.deleteAll();
		careTasks.deleteAll();
		holidays.deleteAll();
		admin = com.rapport.support.security.Caller.from(new KeycloakJwtAuthenticationConverter()
			.convert(TestTokens.decoder().decode(TestTokens.staff("admin"))));
		service.create(admin, new OrganisationInput(Caller.ORGANISATION_A, "Organisation A Secret", "Retail", null, "CN",
				null, List.of(), null, null, EXTERNAL_ID, null));
		contactOfA = contacts.addContact(admin, Caller.ORGANISATION_A, new ContactInput("Alice Secret", "Buyer",
				"alice.secret@org-a.example", "+86 21 5555 0101", "zh-CN", "Asia/Shanghai", null, null, null, null,
				EXTERNAL_ID, TestTokens.decoder().decode(TestTokens.customer(Caller.ORGANISATION_A))
					.getClaimAsString("preferred_username"))).id();
		contactOfARecord = contacts.contact(admin, Caller.ORGANISATION_A, contactOfA);
		var internal = com.rapport.support.security.Caller.from(new KeycloakJwtAuthenticationConverter()
			.convert(TestTokens.decoder().decode(TestTokens.service())));
		timeline.record(internal, new InteractionInput("order-tracking-service", "fixture-1", Caller.ORGANISATION_A,
				InteractionKind.ORDER_DELAYED, Instant.parse("2026-03-01T08:00:00Z"), "Timeline Secret delay",
				"order:secret-order-77", Map.of("order_number", "SECRET-PO-77")));
		careTasks.insert(new CareTask("wake-up-call:" + Caller.ORGANISATION_A + ":2026-03-01", Caller.ORGANISATION_A,
				"agent.li", CareTaskKind.WAKE_UP_CALL, "Care Secret wake-up call", Instant.parse("2026-03-01T02:30:00Z"),
				true));
		// A's chairs are due to be reordered, so that a contact of A can order them as last time.
		growthFigures.deleteAll();
		reorderDrafts.deleteAll();
		growthFigures.save(new com.rapport.customer.growth.CustomerGrowth(Caller.ORGANISATION_A, null, null, false,
				List.of(new com.rapport.customer.growth.Reorder("SKU-A", "Chair", java.time.LocalDate.now().plusDays(5), 30,
						3, java.time.LocalDate.now().minusDays(25), 12, true))));
		given(draftOrders.create(anyString(), anyString(), anyString(), anyString(), anyInt(), anyString()))
			.willReturn(new com.rapport.customer.reorder.DraftOrders.Made("RO-MATRIX-1", true));
		ledgerEntries.deleteAll();
		rewards.deleteAll();
		loyalty.adjust(admin, Caller.ORGANISATION_A, new LoyaltyService.Adjustment(1_000_000L,
				"Loyalty Secret goodwill", null), "matrix-fixture");
		rewards.insert(new Reward(MATRIX_REWARD, RewardKind.FREE_SHIPPING, "Free shipping", "免运费", null, null, 1, null,
				0, true, 1, Instant.parse("2026-03-01T00:00:00Z"), Instant.parse("2026-03-01T00:00:00Z")));
	}

	static final String MATRIX_REWARD = "matrix-free-shipping";

	@Override
	protected String pathVariable(String name) {
		return switch (name) {
			case "id", "organisationId" -> Caller.ORGANISATION_A;
			case "contactId" -> contactOfAPresent();
			case "externalId" -> EXTERNAL_ID;
			case "holidayId" -> holidayPresent();
			default -> throw new IllegalArgumentException(name);
		};
	}

	@Override
	protected String restBody(String endpoint) {
		int n = created.incrementAndGet();
		return switch (endpoint) {
			case "REST POST /api/customers/v1/organisations" -> "{\"name\": \"New Customer " + n + "\", \"country\": \"CN\"}";
			case "REST PUT /api/customers/v1/organisations/{id}",
					"REST PUT /api/customers/v1/organisations/external/{externalId}" -> "{\"industry\": \"Retail\"}";
			case "REST POST /api/customers/v1/organisations:batch" -> "[{\"externalId\": \"" + EXTERNAL_ID
					+ "\", \"industry\": \"Retail\", \"contacts\": [{\"externalId\": \"" + EXTERNAL_ID
					+ "\", \"jobTitle\": \"Head buyer\"}]}]";
			case "REST POST /api/customers/v1/organisations/{organisationId}/contacts" ->
				"{\"name\": \"New Contact " + n + "\", \"email\": \"new" + n + "@org-a.example\"}";
			case "REST PUT /api/customers/v1/organisations/{organisationId}/contacts/{contactId}",
					"REST PUT /api/customers/v1/organisations/{organisationId}/contacts/external/{externalId}" ->
				"{\"jobTitle\": \"Head buyer\"}";
			case "REST POST /api/customers/v1/organisations/{organisationId}/loyalty/adjustments" ->
				"{\"points\": 5, \"reason\": \"Matrix goodwill " + n + "\"}";
			case "REST PUT /api/customers/v1/organisations/{id}/tier-override" ->
				"{\"tier\": \"VIP\", \"reason\": \"Override Secret strategic account\", \"endDate\": \"2099-12-31\"}";
			case "REST POST /api/customers/v1/holidays", "REST PUT /api/customers/v1/holidays/{holidayId}" ->
				"{\"date\": \"2027-02-0" + (1 + n % 9) + "\", \"countries\": [\"CN\"], \"name\": {\"en\": \"Holiday " + n
						+ "\", \"zh-CN\": \"节日\"}, \"greeting\": {\"en\": \"Dear {name}\", \"zh-CN\": \"{name}，您好\"}}";
			default -> null;
		};
	}

	/** The contact of A, put back as it was if a caller before removed it (DELETE is probed once per caller). */
	private String contactOfAPresent() {
		var organisation = organisations.findById(Caller.ORGANISATION_A).orElseThrow();
		if (organisation.contact(contactOfA).isEmpty()) {
			var contacts = new java.util.ArrayList<>(organisation.contacts());
			contacts.add(contactOfARecord);
			organisations.save(organisation.withContacts(contacts));
		}
		return contactOfA;
	}

	/** The probed holiday, put back if a caller before deleted it (DELETE is probed once per caller). */
	private String holidayPresent() {
		if (!holidays.existsById(HOLIDAY.id())) {
			holidays.save(HOLIDAY);
		}
		return HOLIDAY.id();
	}

	/** A new contact of A with an email and no login, invited first if {@code invited}; answers its id. */
	private String freshContactOfA(boolean invited) {
		int n = created.incrementAndGet();
		String id = contacts.addContact(admin, Caller.ORGANISATION_A, new ContactInput("Invitee " + n, null,
				"invitee" + n + "@org-a.example", null, null, null, null, null, null, null, null, null)).id();
		if (invited) {
			invitations.invite(admin, Caller.ORGANISATION_A, id);
		}
		return id;
	}

	@Override
	protected String grpcRequest(String fullMethodName) {
		contactOfAPresent(); // GetMyContact needs it, after the REST DELETE rows
		String organisationA = "\"organisationId\": \"" + Caller.ORGANISATION_A + "\"";
		if (fullMethodName.endsWith("/InviteContact") || fullMethodName.endsWith("/ResendInvitation")
				|| fullMethodName.endsWith("/RemoveContact")) {
			// A fresh contact each call, so that an admin's OK is the real outcome, not a repeat's conflict.
			String contactId = freshContactOfA(fullMethodName.endsWith("/ResendInvitation"));
			return "{" + organisationA + ", \"contactId\": \"" + contactId + "\"}";
		}
		if (fullMethodName.endsWith("/RecordInteraction")) {
			// A fresh event each call, so that an OK means it was recorded, not answered as a repeat.
			return "{\"interaction\": {" + organisationA + ", \"eventId\": \"matrix-" + created.incrementAndGet()
					+ "\", \"kind\": \"INTERACTION_KIND_TICKET_OPENED\", \"occurredAt\": \"2026-03-02T09:00:00Z\"}}";
		}
		if (fullMethodName.endsWith("/SetTierOverride")) {
			return "{" + organisationA + ", \"tier\": \"TIER_VIP\", \"reason\": \"Override Secret strategic account\", "
					+ "\"endDate\": \"2099-12-31\"}";
		}
		if (fullMethodName.endsWith("/UpdateTieringPolicy")) {
			// The configured defaults again: allowed callers get OK and nothing changes for the rows after.
			return "{\"policy\": {\"windowDays\": 365, \"vipMonetary\": \"1000000\", \"vipFrequency\": 12, "
					+ "\"vipRecencyDays\": 30, \"keyMonetary\": \"200000\", \"keyFrequency\": 4, \"loyalOrders\": 10, "
					+ "\"dormantAfterDays\": 90, \"churnedAfterDays\": 365}}";
		}
		if (fullMethodName.endsWith("/RedeemReward")) {
			// A fresh request each call, so that an OK is a real redemption, not a repeat.
			return "{" + organisationA + ", \"rewardId\": \"" + MATRIX_REWARD + "\", \"requestId\": \"matrix-"
					+ created.incrementAndGet() + "\"}";
		}
		if (fullMethodName.endsWith("/UpdateLoyaltyRules")) {
			// The configured defaults again: allowed callers get OK and nothing changes for the rows after.
			return "{\"rules\": {\"pointsPerUnit\": \"0.01\", \"vipMultiplier\": \"1.5\", \"keyMultiplier\": \"1.2\", "
					+ "\"normalMultiplier\": \"1\", \"expiryMonths\": 24}}";
		}
		if (fullMethodName.endsWith("/SaveReward")) {
			return "{\"reward\": {\"kind\": \"REWARD_KIND_TRAINING\", \"nameEn\": \"Matrix training " + created.incrementAndGet()
					+ "\", \"nameZh\": \"培训\", \"pointsCost\": 100, \"active\": true}}";
		}
		if (fullMethodName.endsWith("/GetLoyaltyAccount") || fullMethodName.endsWith("/ListRewards")) {
			return "{" + organisationA + "}";
		}
		if (fullMethodName.endsWith("/InviteCompany")) {
			// A fresh address each call, so that a customer's OK is a real invitation.
			return "{\"companyName\": \"Hooli Office\", \"email\": \"buyer" + referrals.incrementAndGet()
					+ "@hooli.example\"}";
		}
		if (fullMethodName.endsWith("/UpdateGrowthSettings")) {
			// The configured defaults again: allowed callers get OK and nothing changes for the rows after.
			return "{\"riskThreshold\": 40, \"reorderLeadDays\": 14, \"version\": 0}";
		}
		if (fullMethodName.endsWith("/ListValueBySegment")) {
			return "{\"segment\": \"VALUE_SEGMENT_TIER\"}";
		}
		if (fullMethodName.endsWith("/RemoveTierOverride") || fullMethodName.endsWith("/GetCustomerValue")) {
			return "{" + organisationA + "}";
		}
		if (fullMethodName.endsWith("/CreateOrganisation")) {
			return "{\"fields\": {\"name\": \"Console Customer " + created.incrementAndGet() + "\", \"country\": \"CN\"}}";
		}
		if (fullMethodName.endsWith("/UpdateOrganisation")) {
			// The same profile again, so that the rows after this one find organisation A as it was.
			return "{" + organisationA + ", \"fields\": {\"name\": \"Organisation A Secret\", \"industry\": \"Retail\", "
					+ "\"country\": \"CN\"}}";
		}
		if (fullMethodName.endsWith("/AddContact")) {
			int n = created.incrementAndGet();
			return "{" + organisationA + ", \"fields\": {\"name\": \"Console Contact " + n + "\", \"email\": \"console" + n
					+ "@org-a.example\"}}";
		}
		if (fullMethodName.endsWith("/UpdateContact")) {
			return "{" + organisationA + ", \"contactId\": \"" + contactOfA + "\", \"fields\": {\"name\": \"Alice Secret\", "
					+ "\"jobTitle\": \"Buyer\", \"email\": \"alice.secret@org-a.example\", \"phone\": \"+86 21 5555 0101\", "
					+ "\"language\": \"zh-CN\", \"timeZone\": \"Asia/Shanghai\"}}";
		}
		if (fullMethodName.endsWith("/GetDataSubject")) {
			return "{" + organisationA + ", \"contactId\": \"" + contactOfA + "\"}";
		}
		if (fullMethodName.startsWith("rapport.privacy.v1.")) {
			return "{\"subject\": {" + organisationA + ", \"contactId\": \"" + contactOfA + "\"}}";
		}
		if (fullMethodName.endsWith("/ReadReorderLink")) {
			return "{\"token\": \"" + reorderLinks.issue(new com.rapport.customer.reorder.ReorderLinks.Subject(
					Caller.ORGANISATION_A, contactOfA, java.time.LocalDate.now().plusDays(5), "SKU-A"),
					Instant.now().plusSeconds(86_400)) + "\"}";
		}
		if (fullMethodName.endsWith("/OrderAsLastTime")) {
			return "{\"sku\": \"SKU-A\"}";
		}
		if (fullMethodName.endsWith("/UpdateMyPreferences")) {
			return "{\"language\": \"en\", \"timeZone\": \"Asia/Shanghai\"}";
		}
		return fullMethodName.endsWith("/GetOrganisation") || fullMethodName.endsWith("/GetOrganisationSummary")
				|| fullMethodName.endsWith("/ListInteractions") || fullMethodName.endsWith("/ListNotificationContacts")
				? "{" + organisationA + "}" : "{}";
	}

	@Override
	protected List<String> secretsOfOrganisationA() {
		// Not the ids: a caller who sends one sees it again in the problem's "instance".
		return List.of("Organisation A Secret", "Alice Secret", "alice.secret", "5555 0101", "Timeline Secret",
				"secret-order-77", "SECRET-PO-77", "Care Secret", "Override Secret", "Loyalty Secret");
	}
}
