package com.rapport.ticket.ticket.grpc;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.google.protobuf.Message;
import com.google.protobuf.util.JsonFormat;
import com.rapport.contracts.problem.v1.Problem;
import com.rapport.contracts.ticket.v1.AddNoteRequest;
import com.rapport.contracts.ticket.v1.AssigneeFilter;
import com.rapport.contracts.ticket.v1.AssignRequest;
import com.rapport.contracts.ticket.v1.ChangeStatusRequest;
import com.rapport.contracts.ticket.v1.ComplaintSeverity;
import com.rapport.contracts.ticket.v1.GetTicketRequest;
import com.rapport.contracts.ticket.v1.ListTicketsRequest;
import com.rapport.contracts.ticket.v1.ListTicketsResponse;
import com.rapport.contracts.ticket.v1.OpenTicketRequest;
import com.rapport.contracts.ticket.v1.ReplyRequest;
import com.rapport.contracts.ticket.v1.SlaState;
import com.rapport.contracts.ticket.v1.SlaTier;
import com.rapport.contracts.ticket.v1.Ticket;
import com.rapport.contracts.ticket.v1.TicketAuthorKind;
import com.rapport.contracts.ticket.v1.TicketCategory;
import com.rapport.contracts.ticket.v1.TicketChannel;
import com.rapport.contracts.ticket.v1.TicketDetail;
import com.rapport.contracts.ticket.v1.TicketKind;
import com.rapport.contracts.ticket.v1.TicketMessage;
import com.rapport.contracts.ticket.v1.TicketPriority;
import com.rapport.contracts.ticket.v1.TicketStateFilter;
import com.rapport.contracts.ticket.v1.TicketStatus;
import com.rapport.contracts.ticket.v1.TicketTransition;
import com.rapport.support.test.MutableClock;
import com.rapport.support.test.TestTokens;
import com.rapport.ticket.customer.CustomerDirectory;
import com.rapport.ticket.sla.Tier;
import com.rapport.ticket.ticket.TicketDeskTest;
import com.rapport.ticket.ticket.TicketRepository;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import static com.rapport.ticket.ticket.grpc.DeskStubs.conversation;
import static com.rapport.ticket.ticket.grpc.DeskStubs.failure;
import static com.rapport.ticket.ticket.grpc.DeskStubs.intake;
import static com.rapport.ticket.ticket.grpc.DeskStubs.queue;
import static com.rapport.ticket.ticket.grpc.DeskStubs.workflow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;

/** The workflow's gRPC services over the in-process transport, with the real security interceptor and store. */
@TicketDeskTest
class TicketDeskGrpcTests {

	static final String ACME = "acme-retail";

	static final String NOTE = "Batch 7 had weak glue; do not tell the customer yet";

	static final String ALICE = TestTokens.customer(ACME);

	static final String GAVIN = TestTokens.customer("globex-trading");

	static final String AGENT = TestTokens.staff("agent");

	static final String MANAGER = TestTokens.staff("manager");

	@Autowired
	TicketRepository tickets;

	@Autowired
	MutableClock clock;

	@MockitoBean
	CustomerDirectory customers;

	@BeforeEach
	void setUp() {
		tickets.deleteAll();
		given(customers.tierOf(anyString())).willReturn(Tier.VIP);
	}

	private static OpenTicketRequest.Builder complaint() {
		return OpenTicketRequest.newBuilder().setSubject("Chairs wobble").setBody("Two chairs of ACME-1012 wobble")
			.setKind(TicketKind.TICKET_KIND_COMPLAINT).setCategory(TicketCategory.TICKET_CATEGORY_QUALITY)
			.setOrderNumber("ACME-1012");
	}

	/** A ticket Alice raised, with an internal note of staff on it. */
	private Ticket raisedWithNote() {
		Ticket ticket = intake(ALICE).openTicket(complaint().build()).getTicket();
		conversation(AGENT).addNote(AddNoteRequest.newBuilder().setTicketId(ticket.getId()).setBody(NOTE).build());
		return ticket;
	}

	private static void assertNoNote(Message answer) throws Exception {
		String json = JsonFormat.printer().print(answer);
		assertThat(json).doesNotContain("Batch 7").doesNotContain("\"internal\": true");
	}

	@Test
	void aContactRaisesATicketForItsOwnOrganisationInThePortal() {
		TicketDetail opened = intake(ALICE).openTicket(complaint().setChannel(TicketChannel.TICKET_CHANNEL_PHONE)
			.setPriority(TicketPriority.TICKET_PRIORITY_HIGH).setRequesterName("Somebody Else").build());
		Ticket ticket = opened.getTicket();
		assertThat(ticket.getCustomerId()).isEqualTo(ACME);
		assertThat(ticket.getChannel()).isEqualTo(TicketChannel.TICKET_CHANNEL_PORTAL);
		assertThat(ticket.getStatus()).isEqualTo(TicketStatus.TICKET_STATUS_NEW);
		assertThat(ticket.getTier()).isEqualTo(SlaTier.SLA_TIER_VIP);
		assertThat(ticket.getSeverity()).isEqualTo(ComplaintSeverity.COMPLAINT_SEVERITY_MINOR);
		assertThat(ticket.getPriority()).isEqualTo(TicketPriority.TICKET_PRIORITY_HIGH);
		assertThat(ticket.getSuggestedPriority()).isEqualTo(TicketPriority.TICKET_PRIORITY_HIGH);
		assertThat(ticket.getOrderNumber()).isEqualTo("ACME-1012");
		assertThat(ticket.getRequesterName()).isEmpty();
		assertThat(opened.getMessagesList()).singleElement().satisfies(message -> {
			assertThat(message.getAuthorKind()).isEqualTo(TicketAuthorKind.TICKET_AUTHOR_KIND_CUSTOMER);
			assertThat(message.getAuthorName()).isEqualTo("contact-of-acme-retail");
			assertThat(message.getBody()).isEqualTo("Two chairs of ACME-1012 wobble");
		});
		assertThat(opened.getCanReply()).isTrue();
		TicketDetail staffView = conversation(AGENT).getTicket(GetTicketRequest.newBuilder()
			.setTicketId(ticket.getNumber()).build());
		assertThat(staffView.getTicket().getRequesterName()).isEqualTo("contact-of-acme-retail");
		assertThat(staffView.getAllowedTransitionsList()).containsExactly(
				TicketTransition.TICKET_TRANSITION_WAIT_ON_CUSTOMER, TicketTransition.TICKET_TRANSITION_RESOLVE);
	}

	@Test
	void aContactNamingAnotherOrganisationIsRefusedLikeAnUnknownOne() {
		assertThatExceptionOfType(StatusRuntimeException.class)
			.isThrownBy(() -> intake(GAVIN).openTicket(complaint().setCustomerId(ACME).build()))
			.satisfies(ex -> {
				assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
				assertThat(problem(ex).getCode()).isEqualTo("ticket.unknown-organisation");
			});
		assertThat(tickets.count()).isZero();
	}

	@Test
	void staffLogATicketFromACallWithEveryBadFieldNamed() {
		assertThatExceptionOfType(StatusRuntimeException.class)
			.isThrownBy(() -> intake(AGENT).openTicket(OpenTicketRequest.newBuilder().setCustomerId(ACME)
				.setSubject("Call").setBody("<p> </p>").setKind(TicketKind.TICKET_KIND_REQUEST)
				.setSeverity(ComplaintSeverity.COMPLAINT_SEVERITY_MAJOR).setChannel(TicketChannel.TICKET_CHANNEL_PORTAL)
				.build()))
			.satisfies(ex -> {
				assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
				assertThat(problem(ex).getFieldsList()).extracting(f -> f.getField() + ":" + f.getCode())
					.containsExactlyInAnyOrder("channel:ticket.channel.not-allowed", "body:field.required",
							"category:ticket.category.required", "severity:ticket.severity.complaints-only",
							"requester:ticket.requester.required");
			});
		TicketDetail logged = intake(AGENT).openTicket(complaint().setCustomerId(ACME)
			.setChannel(TicketChannel.TICKET_CHANNEL_CHAT).setContactId("contact-alice").setRequesterName("Alice Chen")
			.setSeverity(ComplaintSeverity.COMPLAINT_SEVERITY_CRITICAL).build());
		assertThat(logged.getTicket().getChannel()).isEqualTo(TicketChannel.TICKET_CHANNEL_CHAT);
		assertThat(logged.getTicket().getSeverity()).isEqualTo(ComplaintSeverity.COMPLAINT_SEVERITY_CRITICAL);
		assertThat(logged.getMessages(0).getAuthorName()).isEqualTo("Alice Chen");
		TicketDetail followUp = intake(TestTokens.service()).openTicket(complaint().setCustomerId(ACME)
			.setChannel(TicketChannel.TICKET_CHANNEL_EMAIL).setRequesterEmail("alice.chen@acme-retail.example").build());
		assertThat(followUp.getMessages(0).getAuthorKind()).isEqualTo(TicketAuthorKind.TICKET_AUTHOR_KIND_SYSTEM);
	}

	@Test
	void aServiceRepeatingItsKeyOpensTheFollowUpOnceAndPeoplesKeysAreIgnored() {
		OpenTicketRequest.Builder followUp = complaint().setCustomerId(ACME).setChannel(TicketChannel.TICKET_CHANNEL_EMAIL)
			.setRequesterEmail("alice.chen@acme-retail.example").setIdempotencyKey("survey-follow-up:answer-1");
		TicketDetail first = intake(TestTokens.service()).openTicket(followUp.build());
		TicketDetail again = intake(TestTokens.service()).openTicket(followUp.setBody("now with the comment").build());

		assertThat(again.getTicket().getNumber()).isEqualTo(first.getTicket().getNumber());
		assertThat(tickets.count()).isEqualTo(1);
		assertThat(tickets.findAll()).singleElement()
			.satisfies(followUpTicket -> assertThat(followUpTicket.customerMails())
				.as("a service's follow-up is for the account manager: no acknowledgement to the contact").isEmpty());

		TicketDetail logged = intake(AGENT).openTicket(complaint().setCustomerId(ACME)
			.setChannel(TicketChannel.TICKET_CHANNEL_PHONE).setContactId("contact-alice")
			.setIdempotencyKey("survey-follow-up:answer-1").build());
		assertThat(tickets.count()).isEqualTo(2);
		assertThat(tickets.findById(logged.getTicket().getId()).orElseThrow().customerMails())
			.as("a ticket staff log for a contact is acknowledged").hasSize(1);
	}

	@Test
	void internalNotesReachNoCustomerAndNoServiceThroughAnyMethod() throws Exception {
		Ticket ticket = raisedWithNote();
		GetTicketRequest get = GetTicketRequest.newBuilder().setTicketId(ticket.getId()).build();
		assertThat(conversation(AGENT).getTicket(get).getMessagesList()).extracting(TicketMessage::getBody)
			.contains(NOTE);
		assertNoNote(conversation(ALICE).getTicket(get));
		assertNoNote(conversation(TestTokens.service()).getTicket(get));
		assertNoNote(conversation(ALICE).reply(ReplyRequest.newBuilder().setTicketId(ticket.getId())
			.setBody("Any news?").build()));
		assertNoNote(queue(ALICE).listTickets(ListTicketsRequest.getDefaultInstance()));
		workflow(AGENT).changeStatus(ChangeStatusRequest.newBuilder().setTicketId(ticket.getId())
			.setTransition(TicketTransition.TICKET_TRANSITION_RESOLVE).setReason("Glue batch replaced").build());
		TicketDetail reopened = workflow(ALICE).changeStatus(ChangeStatusRequest.newBuilder()
			.setTicketId(ticket.getId()).setTransition(TicketTransition.TICKET_TRANSITION_REOPEN).build());
		assertNoNote(reopened);
		assertThat(reopened.toString()).doesNotContain("Glue batch replaced");
		assertThat(reopened.getAllowedTransitionsList()).isEmpty();
		assertThat(conversation(AGENT).getTicket(get).getMessagesList()).filteredOn(TicketMessage::getInternal)
			.extracting(TicketMessage::getBody).containsExactly(NOTE, "Glue batch replaced");
	}

	@Test
	void anotherOrganisationsTicketAnswersExactlyLikeAnUnknownOne() {
		Ticket ticket = raisedWithNote();
		StatusRuntimeException foreign = failure(
				() -> conversation(GAVIN).getTicket(GetTicketRequest.newBuilder().setTicketId(ticket.getNumber()).build()));
		StatusRuntimeException unknown = failure(
				() -> conversation(GAVIN).getTicket(GetTicketRequest.newBuilder().setTicketId("T-999999").build()));
		assertThat(foreign.getStatus().getCode()).isEqualTo(unknown.getStatus().getCode())
			.isEqualTo(Status.Code.NOT_FOUND);
		assertThat(foreign.getStatus().getDescription())
			.isEqualTo(unknown.getStatus().getDescription().replace("T-999999", ticket.getNumber()));
		assertThat(failure(() -> conversation(GAVIN).reply(ReplyRequest.newBuilder().setTicketId(ticket.getId())
			.setBody("hi").build())).getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
		assertThat(failure(() -> workflow(GAVIN).changeStatus(ChangeStatusRequest.newBuilder()
			.setTicketId(ticket.getId()).setTransition(TicketTransition.TICKET_TRANSITION_CLOSE).build()))
			.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
		ListTicketsResponse listed = queue(GAVIN).listTickets(ListTicketsRequest.newBuilder().setCustomerId(ACME).build());
		assertThat(listed.getTicketsList()).isEmpty();
		assertThat(listed.getTotalCount()).isZero();
	}

	@Test
	void permissionIsCheckedBeforeAnyLookUp() {
		assertThat(failure(() -> conversation(ALICE).addNote(AddNoteRequest.newBuilder().setTicketId("nope")
			.setBody("x").build())).getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
		assertThat(failure(() -> workflow(ALICE).assign(AssignRequest.newBuilder().setTicketId("nope").build()))
			.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
		assertThat(failure(() -> workflow(ALICE).changeStatus(ChangeStatusRequest.newBuilder().setTicketId("nope")
			.setTransition(TicketTransition.TICKET_TRANSITION_RESOLVE).build())).getStatus().getCode())
			.isEqualTo(Status.Code.PERMISSION_DENIED);
		assertThat(failure(() -> conversation(TestTokens.service()).reply(ReplyRequest.newBuilder()
			.setTicketId("nope").setBody("x").build())).getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
	}

	@Test
	void anInvalidMoveAnswersAbortedWithItsReason() {
		Ticket ticket = raisedWithNote();
		StatusRuntimeException refused = failure(() -> workflow(AGENT).changeStatus(ChangeStatusRequest.newBuilder()
			.setTicketId(ticket.getId()).setTransition(TicketTransition.TICKET_TRANSITION_CLOSE).build()));
		assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.ABORTED);
		assertThat(problem(refused).getCode()).isEqualTo("ticket.not-resolved");
		assertThat(failure(() -> workflow(AGENT).changeStatus(ChangeStatusRequest.newBuilder()
			.setTicketId(ticket.getId()).build())).getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
	}

	@Test
	void htmlInRepliesIsSanitisedToPlainTextAndSimpleFormatting() {
		Ticket ticket = intake(ALICE).openTicket(complaint().setBody("a < b\nsecond line").build()).getTicket();
		TicketDetail replied = conversation(AGENT).reply(ReplyRequest.newBuilder().setTicketId(ticket.getId())
			.setBody("<p onclick=\"steal()\">Hello <b>Alice</b><script>alert(1)</script>"
					+ "<img src=x onerror=alert(2)><a href=\"javascript:alert(3)\">click</a> "
					+ "<a href=\"https://rapport.example/faq\">FAQ</a><iframe src=\"https://evil.example\"></iframe></p>")
			.build());
		assertThat(replied.getMessages(0).getBody()).isEqualTo("a &lt; b<br>second line");
		assertThat(replied.getMessages(1).getBody()).isEqualTo("<p>Hello <b>Alice</b><a rel=\"nofollow noopener\">click</a> "
				+ "<a href=\"https://rapport.example/faq\" rel=\"nofollow noopener\">FAQ</a></p>");
		assertThat(failure(() -> conversation(ALICE).reply(ReplyRequest.newBuilder().setTicketId(ticket.getId())
			.setBody("<script>only a script</script>").build())).getStatus().getCode())
			.isEqualTo(Status.Code.INVALID_ARGUMENT);
	}

	@Test
	void theQueueFiltersAndSortsMostUrgentFirstAndPages() {
		Ticket fresh = intake(ALICE).openTicket(complaint().setSubject("fresh").build()).getTicket();
		clock.advance(Duration.ofMinutes(50));
		Ticket risky = intake(ALICE).openTicket(complaint().setSubject("older").build()).getTicket();
		clock.advance(Duration.ofMinutes(50));
		// VIP: 1 h to the first response: "fresh" is breached now (100 min), "older" at risk (10 of 60 min left).
		workflow(AGENT).assign(AssignRequest.newBuilder().setTicketId(risky.getId()).build());
		Ticket globex = intake(GAVIN).openTicket(complaint().setSubject("globex").build()).getTicket();

		ListTicketsResponse urgent = queue(AGENT).listTickets(ListTicketsRequest.newBuilder()
			.setState(TicketStateFilter.TICKET_STATE_FILTER_OPEN).build());
		assertThat(urgent.getTicketsList()).extracting(Ticket::getSubject).containsExactly("fresh", "older", "globex");
		assertThat(urgent.getTicketsList()).extracting(Ticket::getSlaState).containsExactly(
				SlaState.SLA_STATE_BREACHED, SlaState.SLA_STATE_AT_RISK, SlaState.SLA_STATE_ON_TRACK);
		assertThat(subjects(ListTicketsRequest.newBuilder().setAssignee(AssigneeFilter.ASSIGNEE_FILTER_ME))).containsExactly("older");
		assertThat(subjects(ListTicketsRequest.newBuilder().setAssignee(AssigneeFilter.ASSIGNEE_FILTER_UNASSIGNED)))
			.containsExactly("fresh", "globex");
		assertThat(subjects(ListTicketsRequest.newBuilder().addSlaStates(SlaState.SLA_STATE_BREACHED))).containsExactly("fresh");
		assertThat(subjects(ListTicketsRequest.newBuilder().setCustomerId("globex-trading"))).containsExactly("globex");
		assertThat(subjects(ListTicketsRequest.newBuilder().addChannels(TicketChannel.TICKET_CHANNEL_PHONE))).isEmpty();
		assertThat(subjects(ListTicketsRequest.newBuilder().addTiers(SlaTier.SLA_TIER_VIP))).hasSize(3);

		ListTicketsResponse first = queue(AGENT).listTickets(ListTicketsRequest.newBuilder().setPageSize(2).build());
		assertThat(first.getTotalCount()).isEqualTo(3);
		assertThat(first.getNextPageToken()).isNotEmpty();
		ListTicketsResponse second = queue(AGENT).listTickets(ListTicketsRequest.newBuilder().setPageSize(2)
			.setPageToken(first.getNextPageToken()).build());
		assertThat(second.getTicketsList()).extracting(Ticket::getSubject).containsExactly("globex");
		assertThat(second.getNextPageToken()).isEmpty();
		assertThat(failure(() -> queue(AGENT).listTickets(ListTicketsRequest.newBuilder().setPageToken("forged!")
			.build())).getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);

		// Alice: her organisation's tickets only, newest first; the staff filters do not apply to her.
		ListTicketsResponse mine = queue(ALICE).listTickets(ListTicketsRequest.newBuilder()
			.setAssignee(AssigneeFilter.ASSIGNEE_FILTER_ME).build());
		assertThat(mine.getTicketsList()).extracting(Ticket::getId).containsExactly(risky.getId(), fresh.getId());
		assertThat(mine.getTicketsList()).allSatisfy(t -> assertThat(t.getRequesterName()).isEmpty());
		workflow(AGENT).changeStatus(ChangeStatusRequest.newBuilder().setTicketId(fresh.getId())
			.setTransition(TicketTransition.TICKET_TRANSITION_RESOLVE).build());
		assertThat(queue(ALICE).listTickets(ListTicketsRequest.newBuilder()
			.setState(TicketStateFilter.TICKET_STATE_FILTER_CLOSED).build()).getTicketsList())
			.extracting(Ticket::getId).containsExactly(fresh.getId());
		assertThat(globex.getCustomerId()).isEqualTo("globex-trading");
	}

	private static List<String> subjects(ListTicketsRequest.Builder request) {
		return queue(AGENT).listTickets(request.build()).getTicketsList().stream().map(Ticket::getSubject).toList();
	}


	private static Problem problem(StatusRuntimeException ex) {
		try {
			return StatusProto.fromThrowable(ex).getDetailsList().stream().filter(d -> d.is(Problem.class)).findFirst()
				.orElseThrow().unpack(Problem.class);
		}
		catch (com.google.protobuf.InvalidProtocolBufferException e) {
			throw new AssertionError(e);
		}
	}

	@Test
	void aContactReadsTheOpenPromisesOfItsTicketWithoutStaffsFieldsAndMakesNone() {
		Ticket ticket = intake(ALICE).openTicket(complaint().build()).getTicket();
		com.google.protobuf.Timestamp tomorrow = com.google.protobuf.Timestamp.newBuilder()
			.setSeconds(clock.instant().plus(Duration.ofDays(1)).getEpochSecond()).build();
		var request = com.rapport.contracts.ticket.v1.RecordCommitmentRequest.newBuilder().setTicketId(ticket.getNumber())
			.setKind(com.rapport.contracts.ticket.v1.CommitmentKind.COMMITMENT_KIND_CALL_BACK)
			.setWhat("We call you back about the chairs").setOwnerId("agent.zhou").setOwnerName("Zhou Min")
			.setDueAt(tomorrow).build();
		var open = DeskStubs.commitments(AGENT).recordCommitment(request);
		assertThat(open.getMadeByName()).as("staff's answer").isNotEmpty();
		var dropped = DeskStubs.commitments(AGENT).recordCommitment(request.toBuilder().setWhat("A credit note").build());
		DeskStubs.commitments(MANAGER).cancelCommitment(com.rapport.contracts.ticket.v1.CancelCommitmentRequest
			.newBuilder().setTicketId(ticket.getId()).setCommitmentId(dropped.getId()).setReason("SECRET-REASON").build());

		TicketDetail seen = conversation(ALICE).getTicket(GetTicketRequest.newBuilder().setTicketId(ticket.getId()).build());
		assertThat(seen.getCommitmentsList()).singleElement().satisfies(c -> {
			assertThat(c.getId()).isEqualTo(open.getId());
			assertThat(c.getWhat()).isEqualTo("We call you back about the chairs");
			assertThat(c.getOwnerName()).isEqualTo("Zhou Min");
			assertThat(c.getOwnerId()).isEmpty();
			assertThat(c.getMadeByName()).isEmpty();
			assertThat(c.hasMadeAt()).isFalse();
			assertThat(c.hasRemindedAt()).isFalse();
		});
		assertThat(seen.toString()).doesNotContain("SECRET-REASON").doesNotContain("agent.zhou");
		assertThat(conversation(AGENT).getTicket(GetTicketRequest.newBuilder().setTicketId(ticket.getId()).build())
			.getCommitmentsList()).hasSize(2);

		assertThat(failure(() -> DeskStubs.commitments(ALICE).recordCommitment(request)).getStatus().getCode())
			.isEqualTo(Status.Code.PERMISSION_DENIED);
		StatusRuntimeException bad = failure(() -> DeskStubs.commitments(AGENT).recordCommitment(
				request.toBuilder().clearKind().setWhat(" ").build()));
		assertThat(bad.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
		assertThat(problem(bad).getCode()).isEqualTo("commitment.cannot-record");
		assertThat(problem(bad).getFieldsList()).extracting(f -> f.getField() + ":" + f.getCode())
			.containsExactly("kind:commitment.kind.required", "what:field.required");
	}

	/**
	 * Session 17: a promise due within the reminder lead time marks its ticket in staff's queue (the promises due
	 * view lists it, and every staff page counts it), never in the organisation's list its contact reads.
	 */
	@Test
	void aPromiseFallingDueMarksItsTicketInStaffsQueueOnly() {
		Ticket ticket = intake(ALICE).openTicket(complaint().build()).getTicket();
		Instant due = clock.instant().plus(Duration.ofHours(1));
		DeskStubs.commitments(AGENT).recordCommitment(com.rapport.contracts.ticket.v1.RecordCommitmentRequest
			.newBuilder().setTicketId(ticket.getNumber())
			.setKind(com.rapport.contracts.ticket.v1.CommitmentKind.COMMITMENT_KIND_CALL_BACK)
			.setWhat("We call you back within the hour")
			.setDueAt(com.google.protobuf.Timestamp.newBuilder().setSeconds(due.getEpochSecond()))
			.build());

		ListTicketsResponse promises = queue(AGENT).listTickets(ListTicketsRequest.newBuilder().setPromisesDue(true)
			.build());
		assertThat(promises.getTicketsList()).extracting(Ticket::getNumber).contains(ticket.getNumber());
		assertThat(promises.getTicketsList()).filteredOn(t -> t.getNumber().equals(ticket.getNumber()))
			.singleElement()
			.satisfies(t -> assertThat(t.getPromiseDueAt().getSeconds()).isEqualTo(due.getEpochSecond()));
		assertThat(promises.getPromisesDueCount()).isEqualTo(promises.getTotalCount()).isPositive();
		assertThat(queue(AGENT).listTickets(ListTicketsRequest.getDefaultInstance()).getPromisesDueCount())
			.isEqualTo(promises.getPromisesDueCount());

		ListTicketsResponse hers = queue(ALICE).listTickets(ListTicketsRequest.newBuilder().setPromisesDue(true)
			.build());
		assertThat(hers.getTicketsList()).extracting(Ticket::getNumber).contains(ticket.getNumber());
		assertThat(hers.getTicketsList()).allSatisfy(t -> assertThat(t.hasPromiseDueAt()).isFalse());
		assertThat(hers.getPromisesDueCount()).isZero();
	}
}
