package com.rapport.ticket.ticket;

import java.util.List;

import com.jayway.jsonpath.JsonPath;
import com.rapport.contracts.privacy.v1.ErasePersonalDataRequest;
import com.rapport.contracts.privacy.v1.ExportPersonalDataRequest;
import com.rapport.contracts.privacy.v1.PersonalDataGrpc;
import com.rapport.contracts.privacy.v1.Subject;
import com.rapport.support.grpc.CallTokens;
import com.rapport.support.test.TestTokens;
import com.rapport.ticket.customer.CustomerDirectory;
import com.rapport.ticket.mail.InboundMail;
import io.grpc.ManagedChannel;
import io.grpc.inprocess.InProcessChannelBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import static org.assertj.core.api.Assertions.assertThat;

/** What ticket-service holds about a person: the tickets they raised or wrote in, within their organisation. */
@SpringBootTest(properties = { "rapport.mongodb.embedded.in-memory=true", "spring.grpc.server.port=0",
		"spring.grpc.server.inprocess.name=" + TicketPersonalDataTests.SERVER })
@Import(TestTokens.DecoderConfiguration.class)
class TicketPersonalDataTests {

	static final String SERVER = "ticket-personal-data-test";

	static final ManagedChannel channel = InProcessChannelBuilder.forName(SERVER).directExecutor().build();

	static final Subject ALICE = Subject.newBuilder().setOrganisationId("acme-retail").setContactId("contact-alice")
		.setUsername("alice.chen").setName("Alice Chen").setEmail("ALICE.CHEN@acme-retail.example").build();

	@MockitoBean
	CustomerDirectory customers;

	@Autowired
	TicketRepository tickets;

	@Autowired
	org.springframework.data.mongodb.core.MongoTemplate mongo;

	@BeforeEach
	void setUp() {
		mongo.remove(new org.springframework.data.mongodb.core.query.Query(), InboundMail.class);
		tickets.deleteAll();
		tickets.insert(Tickets.stored("acme-retail", "T-1", TicketRepositoryContract.T0));
		// Came by email before the address was linked to her contact.
		tickets.insert(Tickets.stored("acme-retail", "T-2", TicketRepositoryContract.T0.plusSeconds(60),
				com.rapport.ticket.sla.Tier.NORMAL, Requester.of(null, "A. Chen", "alice.chen@acme-retail.example")));
		tickets.insert(Tickets.stored("acme-retail", "T-3", TicketRepositoryContract.T0,
				com.rapport.ticket.sla.Tier.NORMAL, Requester.of("contact-bo", "Bo Zhang", "bo.zhang@acme-retail.example")));
		// The same contact id and address under another organisation is somebody else's record.
		tickets.insert(Tickets.stored("globex-trading", "T-4", TicketRepositoryContract.T0));
	}

	private static PersonalDataGrpc.PersonalDataBlockingStub admin() {
		return PersonalDataGrpc.newBlockingStub(channel).withCallCredentials(CallTokens.bearer(TestTokens.staff("admin")));
	}

	@Test
	void theExportListsTheTicketsThePersonRaisedInTheirOrganisation() {
		var export = admin().exportPersonalData(ExportPersonalDataRequest.newBuilder().setSubject(ALICE).build());

		assertThat(export.getService()).isEqualTo("ticket-service");
		assertThat(export.getRecords()).isEqualTo(2);
		assertThat(JsonPath.<List<String>>read(export.getJson(), "$.tickets[*].number")).containsExactly("T-1", "T-2");
		assertThat(JsonPath.<List<String>>read(export.getJson(), "$.tickets[*].name")).containsExactly("Alice Chen",
				"A. Chen");
	}

	@Test
	void erasingKeepsTheTicketsAndTakesThePersonOutOfThem() {
		var erased = admin().erasePersonalData(ErasePersonalDataRequest.newBuilder().setSubject(ALICE).build());

		assertThat(erased.getRecordsAnonymised()).isEqualTo(2);
		assertThat(erased.getRecordsDeleted()).isZero();
		assertThat(tickets.count()).isEqualTo(4);
		for (String number : List.of("T-1", "T-2")) {
			assertThat(tickets.findByNumber(number).orElseThrow().requester()).isEqualTo(Requester.ERASED);
		}
		assertThat(tickets.findByNumber("T-3").orElseThrow().requester().name()).isEqualTo("Bo Zhang");
		assertThat(tickets.findByNumber("T-4").orElseThrow().requester()).isEqualTo(Tickets.ALICE);

		var again = admin().erasePersonalData(ErasePersonalDataRequest.newBuilder().setSubject(ALICE).build());
		assertThat(again.getRecordsAnonymised()).isZero();
		var export = admin().exportPersonalData(ExportPersonalDataRequest.newBuilder().setSubject(ALICE).build());
		assertThat(export.getRecords()).isZero();
	}

	@Test
	void theMessagesAPersonWroteAreExportedAndLoseTheirAuthorWhenErased() {
		java.time.Instant at = TicketRepositoryContract.T0.plusSeconds(120);
		// Raised in the portal by her login, and a reply of hers on a colleague's ticket.
		Ticket portal = Tickets.stored("acme-retail", "T-5", at, com.rapport.ticket.sla.Tier.NORMAL,
				Requester.portalUser("alice.chen", "Alice Chen", null))
			.withMessage(new TicketMessage("m1", AuthorKind.CUSTOMER, "alice.chen", "Alice Chen", false, "Chairs wobble", at))
			.withMessage(new TicketMessage("m2", AuthorKind.STAFF, "agent.li", "Li Na", false, "On it", at));
		tickets.insert(portal);
		Ticket bos = tickets.findByNumber("T-3").orElseThrow()
			.withMessage(new TicketMessage("m3", AuthorKind.CUSTOMER, "alice.chen", "Alice Chen", false, "Me too", at));
		tickets.save(bos);

		var export = admin().exportPersonalData(ExportPersonalDataRequest.newBuilder().setSubject(ALICE).build());
		assertThat(JsonPath.<List<String>>read(export.getJson(), "$.tickets[*].number"))
			.containsExactlyInAnyOrder("T-1", "T-2", "T-3", "T-5");
		assertThat(JsonPath.<List<String>>read(export.getJson(), "$.tickets[?(@.number == 'T-3')].messages[*].body"))
			.containsExactly("Me too");
		assertThat(JsonPath.<List<Boolean>>read(export.getJson(), "$.tickets[?(@.number == 'T-3')].raisedByThem"))
			.containsExactly(false);

		admin().erasePersonalData(ErasePersonalDataRequest.newBuilder().setSubject(ALICE).build());
		Ticket erasedPortal = tickets.findByNumber("T-5").orElseThrow();
		assertThat(erasedPortal.requester()).isEqualTo(Requester.ERASED);
		assertThat(erasedPortal.messages()).extracting(TicketMessage::authorName).containsExactly(null, "Li Na");
		assertThat(erasedPortal.messages().get(0).body()).isEqualTo("Chairs wobble");
		Ticket erasedBos = tickets.findByNumber("T-3").orElseThrow();
		assertThat(erasedBos.requester().name()).isEqualTo("Bo Zhang");
		assertThat(erasedBos.messages()).extracting(TicketMessage::authorId).containsExactly((String) null);
		assertThat(admin().exportPersonalData(ExportPersonalDataRequest.newBuilder().setSubject(ALICE).build())
			.getRecords()).isZero();
	}

	private static InboundMail mail(String id, String from, String subject, String body, InboundMail.State state,
			String ticketNumber, int minute) {
		return new InboundMail(id, "<" + id + "@mail.example>", from, "Alice Chen", subject, body, null, List.of(), false,
				TicketRepositoryContract.T0.plusSeconds(60L * minute), state, state == InboundMail.State.TRIAGE ? "mail.triage.unknown-sender" : null,
				ticketNumber == null ? null : "ticket-" + ticketNumber, ticketNumber, null, null, null);
	}

	@Test
	void theSupportMailboxsMailsOfThePersonAreExportedAndErasedAndTheTriageForgetsThem() {
		// Sent from her address before it was linked to her contact (triage), and a reply that went onto T-1.
		mongo.insert(mail("m-triage", "alice.chen@acme-retail.example", "Chairs from last week", "Two are broken",
				InboundMail.State.TRIAGE, null, 1));
		mongo.insert(mail("m-reply", "alice.chen@acme-retail.example", "Re: [T-1] Chairs", "Any news?",
				InboundMail.State.REPLY_ADDED, "T-1", 2));
		mongo.insert(mail("m-bo", "bo.zhang@acme-retail.example", "Invoice", "Wrong VAT number", InboundMail.State.TRIAGE,
				null, 3));

		var export = admin().exportPersonalData(ExportPersonalDataRequest.newBuilder().setSubject(ALICE).build());
		assertThat(JsonPath.<List<String>>read(export.getJson(), "$['support-mails'][*].subject"))
			.containsExactly("Chairs from last week", "Re: [T-1] Chairs");
		assertThat(JsonPath.<List<String>>read(export.getJson(), "$['support-mails'][*].text"))
			.containsExactly("Two are broken", "Any news?");
		assertThat(export.getJson()).doesNotContain("Wrong VAT number");

		var erased = admin().erasePersonalData(ErasePersonalDataRequest.newBuilder().setSubject(ALICE).build());
		assertThat(erased.getRecordsAnonymised()).isEqualTo(2 + 2);
		InboundMail triage = mongo.findById("m-triage", InboundMail.class);
		assertThat(triage.fromAddress()).isNull();
		assertThat(triage.subject()).isNull();
		assertThat(triage.body()).isNull();
		assertThat(triage.messageId()).as("still handled once if read again").isEqualTo("<m-triage@mail.example>");
		assertThat(triage.state()).as("no longer waits for staff").isEqualTo(InboundMail.State.DISCARDED);
		assertThat(triage.reason()).isEqualTo("mail.erased");
		InboundMail reply = mongo.findById("m-reply", InboundMail.class);
		assertThat(reply.state()).isEqualTo(InboundMail.State.REPLY_ADDED);
		assertThat(reply.ticketNumber()).isEqualTo("T-1");
		assertThat(reply.body()).isNull();
		assertThat(mongo.findById("m-bo", InboundMail.class).body()).isEqualTo("Wrong VAT number");

		assertThat(admin().erasePersonalData(ErasePersonalDataRequest.newBuilder().setSubject(ALICE).build())
			.getRecordsAnonymised()).isZero();
		assertThat(admin().exportPersonalData(ExportPersonalDataRequest.newBuilder().setSubject(ALICE).build())
			.getRecords()).isZero();
	}
}
