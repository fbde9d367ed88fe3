package com.rapport.customer.referral;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.rapport.customer.loyalty.LedgerEntry;
import com.rapport.customer.loyalty.LedgerRepository;
import com.rapport.customer.organisation.Contact;
import com.rapport.customer.organisation.Organisation;
import com.rapport.customer.organisation.OrganisationRepository;
import com.rapport.customer.timeline.InteractionInput;
import com.rapport.customer.timeline.InteractionKind;
import com.rapport.customer.timeline.InteractionRepository;
import com.rapport.customer.timeline.TimelineService;
import com.rapport.support.audit.MongoAuditTrail;
import com.rapport.support.error.ConflictException;
import com.rapport.support.error.UnprocessableException;
import com.rapport.support.security.Caller;
import com.rapport.support.security.KeycloakJwtAuthenticationConverter;
import com.rapport.support.test.NewAuditEntries;
import com.rapport.support.test.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Referrals over the embedded store and a real SMTP server (GreenMail): the invitation mail in the inviter's
 * language, its refusals, and the bonus earned exactly once when the invited company, become an organisation, has
 * its first order delivered, however often the delivery is told.
 */
@SpringBootTest(properties = { "rapport.mongodb.embedded.in-memory=true", "spring.grpc.server.port=0",
		"spring.grpc.server.inprocess.name=customer-referrals" })
@Import(TestTokens.DecoderConfiguration.class)
class ReferralServiceTests {

	static final int SMTP_PORT = org.springframework.test.util.TestSocketUtils.findAvailableTcpPort();

	@RegisterExtension
	static final GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", "smtp"));

	@DynamicPropertySource
	static void mailServer(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> SMTP_PORT);
	}

	@Autowired
	ReferralService referrals;

	@Autowired
	ReferralRepository stored;

	@Autowired
	OrganisationRepository organisations;

	@Autowired
	LedgerRepository ledger;

	@Autowired
	InteractionRepository interactions;

	@Autowired
	TimelineService timeline;

	@Autowired
	MongoAuditTrail trail;

	final Caller alice = caller(TestTokens.customer("acme-retail"));

	final Caller orderTracking = caller(TestTokens.service());

	static Caller caller(String token) {
		return Caller.from(new KeycloakJwtAuthenticationConverter().convert(TestTokens.decoder().decode(token)));
	}

	@BeforeEach
	void setUp() {
		stored.deleteAll();
		organisations.deleteAll();
		ledger.deleteAll();
		interactions.deleteAll();
		organisations.save(Organisation.create("acme-retail", "Acme Retail", "Retail", "CN",
				Contact.of("Alice Chen", "Buyer", "alice@acme.example", null, "zh-CN", null, "contact-of-acme-retail"),
				Contact.of("Bob Li", "Finance", "bob@acme.example", null, "en", null, null)));
	}

	private Organisation becomesCustomer(String id, String email) {
		return organisations.save(Organisation.create(id, "Hooli Office", "Retail", "CN",
				Contact.of("Gavin Belson", "Purchasing", email, null, "en", null, null)));
	}

	private boolean deliver(String organisationId, String eventId, String orderNumber) {
		return timeline.record(orderTracking, new InteractionInput("order-tracking-service", eventId, organisationId,
				InteractionKind.ORDER_DELIVERED, Instant.now().minus(Duration.ofHours(1)), "Order " + orderNumber
						+ " delivered", "order:" + orderNumber, Map.of("order_number", orderNumber, "currency", "CNY",
								"amount_minor_units", "100000")));
	}

	private List<LedgerEntry> referralEntries() {
		return ledger.findByOrganisationId("acme-retail").stream().filter(e -> e.id().startsWith("referral:")).toList();
	}

	@Test
	void aContactInvitesACompanyByMailInItsOwnLanguageAuditedAndOnTheTimeline() throws Exception {
		NewAuditEntries audited = NewAuditEntries.since(trail);

		Referral referral = referrals.invite(alice, "  Hooli Office ", " Gavin@Hooli.example ");

		assertThat(referral.state()).isEqualTo(ReferralState.INVITED);
		assertThat(referral.email()).isEqualTo("gavin@hooli.example");
		assertThat(referral.companyName()).isEqualTo("Hooli Office");
		assertThat(referral.invitedBy()).isEqualTo("Alice Chen");
		assertThat(smtp.waitForIncomingEmail(5_000, 1)).isTrue();
		MimeMessage mail = smtp.getReceivedMessages()[0];
		assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("gavin@hooli.example");
		assertThat(mail.getSubject()).isEqualTo("Acme Retail 的 Alice Chen 向您推荐 Rapport");
		assertThat(GreenMailUtil.getBody(mail)).isNotBlank();
		assertThat(audited.single().action()).isEqualTo("referral.invited");
		assertThat(interactions.findAll()).filteredOn(i -> i.eventId().equals("referral:" + referral.id()))
			.singleElement().satisfies(i -> assertThat(i.organisationId()).isEqualTo("acme-retail"));
		assertThat(referrals.list(alice, null)).extracting(Referral::id).containsExactly(referral.id());
		assertThat(referrals.list(caller(TestTokens.customer("globex-trading")), "acme-retail")).isEmpty();
		assertThat(referrals.list(caller(TestTokens.staff("agent")), null)).hasSize(1);
	}

	@Test
	void badFieldsAreNamedTogetherARepeatOrAnOwnContactIsAConflictAndOnlyContactsInvite() {
		assertThatExceptionOfType(UnprocessableException.class)
			.isThrownBy(() -> referrals.invite(alice, " ", "not an address"))
			.satisfies(ex -> assertThat(ex.fieldMessages()).containsOnlyKeys("companyName", "email"));
		assertThatExceptionOfType(UnprocessableException.class)
			.isThrownBy(() -> referrals.invite(alice, "x".repeat(201), "a@b.example"))
			.satisfies(ex -> assertThat(ex.fieldMessages()).containsOnlyKeys("companyName"));
		referrals.invite(alice, "Hooli Office", "gavin@hooli.example");
		assertThatExceptionOfType(ConflictException.class)
			.isThrownBy(() -> referrals.invite(alice, "Hooli", "GAVIN@hooli.example"));
		assertThatExceptionOfType(ConflictException.class)
			.isThrownBy(() -> referrals.invite(alice, "Ourselves", "bob@acme.example"));
		assertThatExceptionOfType(AccessDeniedException.class)
			.isThrownBy(() -> referrals.invite(caller(TestTokens.staff("manager")), "Hooli", "x@hooli.example"));
		assertThat(stored.count()).isEqualTo(1);
	}

	@Test
	void theReferrerEarnsTheBonusOnceWhenTheCompanysFirstOrderIsDeliveredHoweverOftenItIsTold() {
		Referral referral = referrals.invite(alice, "Hooli Office", "gavin@hooli.example");
		becomesCustomer("hooli-office", "Gavin@Hooli.example");
		NewAuditEntries audited = NewAuditEntries.since(trail);

		assertThat(deliver("hooli-office", "delivered-1", "HOO-1")).isTrue();
		// The same delivery replayed under other event ids, and the company's next delivery.
		deliver("hooli-office", "delivered-1", "HOO-1");
		deliver("hooli-office", "delivered-1-replayed", "HOO-1");
		deliver("hooli-office", "delivered-2", "HOO-2");

		assertThat(referralEntries()).singleElement().satisfies(entry -> {
			assertThat(entry.id()).isEqualTo("referral:acme-retail:" + referral.id());
			assertThat(entry.points()).isEqualTo(1000);
			assertThat(entry.reference()).isEqualTo("referral:" + referral.id());
		});
		Referral earned = stored.findById(referral.id()).orElseThrow();
		assertThat(earned.state()).isEqualTo(ReferralState.EARNED);
		assertThat(earned.referredOrganisationId()).isEqualTo("hooli-office");
		assertThat(earned.orderNumber()).isEqualTo("HOO-1");
		assertThat(earned.points()).isEqualTo(1000);
		assertThat(audited.events()).filteredOn(e -> e.action().equals("referral.earned")).hasSize(1);
		assertThat(interactions.findAll())
			.filteredOn(i -> i.eventId().equals("loyalty:referral:acme-retail:" + referral.id())).hasSize(1);
		// The referred company itself earns its own points, not the bonus.
		assertThat(ledger.findByOrganisationId("hooli-office")).noneMatch(e -> e.id().startsWith("referral:"));
	}

	@Test
	void aCompanyThatWasACustomerBeforeTheInvitationEarnsNobodyABonus() {
		becomesCustomer("hooli-office", "gavin@hooli.example");
		Referral referral = referrals.invite(alice, "Hooli Office", "gavin@hooli.example");

		deliver("hooli-office", "delivered-1", "HOO-1");

		assertThat(referralEntries()).isEmpty();
		assertThat(stored.findById(referral.id()).orElseThrow().state()).isEqualTo(ReferralState.INVITED);
	}

	@Test
	void theSettlementItselfIsIdempotent() {
		Referral referral = referrals.invite(alice, "Hooli Office", "gavin@hooli.example");
		becomesCustomer("hooli-office", "gavin@hooli.example");
		deliver("hooli-office", "delivered-1", "HOO-1");
		var delivery = interactions.findAll().stream().filter(i -> i.eventId().equals("delivered-1")).findFirst()
			.orElseThrow();

		// Told again straight to the settlement (as a second replica hearing the same event would).
		assertThat(referrals.settle(delivery)).isNull();
		assertThat(referralEntries()).hasSize(1);
		assertThat(stored.findById(referral.id()).orElseThrow().earnedAt()).isNotNull();
	}
}
