package com.rapport.ticket.ticket.grpc;

import java.util.List;

import com.rapport.contracts.problem.v1.Problem;
import com.rapport.contracts.ticket.v1.ChangeStatusRequest;
import com.rapport.contracts.ticket.v1.GetTicketRequest;
import com.rapport.contracts.ticket.v1.MergeTicketRequest;
import com.rapport.contracts.ticket.v1.OpenTicketRequest;
import com.rapport.contracts.ticket.v1.TicketAuthorKind;
import com.rapport.contracts.ticket.v1.TicketCategory;
import com.rapport.contracts.ticket.v1.TicketDetail;
import com.rapport.contracts.ticket.v1.TicketKind;
import com.rapport.contracts.ticket.v1.TicketMergeServiceGrpc;
import com.rapport.contracts.ticket.v1.TicketMessage;
import com.rapport.contracts.ticket.v1.TicketStatus;
import com.rapport.contracts.ticket.v1.TicketTransition;
import com.rapport.support.grpc.CallTokens;
import com.rapport.support.test.TestTokens;
import com.rapport.ticket.GrpcProblems;
import com.rapport.ticket.customer.CustomerDirectory;
import com.rapport.ticket.sla.Tier;
import com.rapport.ticket.ticket.TicketDeskTest;
import com.rapport.ticket.ticket.TicketRepository;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import static com.rapport.ticket.ticket.grpc.DeskStubs.conversation;
import static com.rapport.ticket.ticket.grpc.DeskStubs.failure;
import static com.rapport.ticket.ticket.grpc.DeskStubs.intake;
import static com.rapport.ticket.ticket.grpc.DeskStubs.workflow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;

/**
 * Merging a duplicate into the ticket that goes on: both conversations kept, the duplicate closed and pointing at
 * the survivor, the customer told, audited; every invalid merge a conflict, and only staff merge.
 */
@TicketDeskTest
class TicketMergeGrpcTests {

	static final String ALICE = TestTokens.customer("acme-retail");

	static final String GAVIN = TestTokens.customer("globex-trading");

	static final String AGENT = TestTokens.staff("agent");

	@Autowired
	TicketRepository tickets;

	@MockitoBean
	CustomerDirectory customers;

	/** The real trail, watched: the merge is recorded as the staff member who made it. */
	@org.springframework.test.context.bean.override.mockito.MockitoSpyBean
	com.rapport.support.audit.MongoAuditTrail audit;

	@BeforeEach
	void setUp() {
		tickets.deleteAll();
		given(customers.tierOf(anyString())).willReturn(Tier.KEY);
	}

	private static TicketDetail raise(String token, String subject) {
		return intake(token).openTicket(OpenTicketRequest.newBuilder().setSubject(subject).setBody(subject + ", see above")
				.setKind(TicketKind.TICKET_KIND_REQUEST).setCategory(TicketCategory.TICKET_CATEGORY_DELIVERY).build());
	}

	private static TicketMergeServiceGrpc.TicketMergeServiceBlockingStub merging(String token) {
		return TicketMergeServiceGrpc.newBlockingStub(DeskStubs.channel).withCallCredentials(CallTokens.bearer(token));
	}

	private static TicketDetail merge(String token, String duplicate, String survivor, String reason) {
		return merging(token).mergeTicket(MergeTicketRequest.newBuilder().setDuplicateId(duplicate)
			.setSurvivorId(survivor).setReason(reason).build());
	}

	private static TicketDetail get(String token, String id) {
		return conversation(token).getTicket(GetTicketRequest.newBuilder().setTicketId(id).build());
	}

	@Test
	void theDuplicateClosesPointingAtTheSurvivorBothConversationsStayAndTheCustomerIsTold() {
		TicketDetail survivor = raise(ALICE, "Pallet 3 of ACME-1015 wet");
		TicketDetail duplicate = raise(ALICE, "Wet pallet again");

		TicketDetail answer = merge(AGENT, duplicate.getTicket().getNumber(), survivor.getTicket().getNumber(),
				"Same pallet, raised twice");

		assertThat(answer.getTicket().getId()).isEqualTo(survivor.getTicket().getId());
		assertThat(answer.getMessagesList()).extracting(TicketMessage::getBody).last().asString()
			.contains("Merged " + duplicate.getTicket().getNumber()).contains("Same pallet, raised twice");
		assertThat(answer.getMessagesList()).last().extracting(TicketMessage::getInternal).isEqualTo(true);

		TicketDetail byAlice = get(ALICE, duplicate.getTicket().getId());
		assertThat(byAlice.getTicket().getStatus()).isEqualTo(TicketStatus.TICKET_STATUS_CLOSED);
		assertThat(byAlice.getTicket().getMergedIntoNumber()).isEqualTo(survivor.getTicket().getNumber());
		assertThat(byAlice.getTicket().getMergedIntoId()).isEqualTo(survivor.getTicket().getId());
		assertThat(byAlice.getMessagesList()).extracting(TicketMessage::getBody).first().asString()
			.contains("Wet pallet again, see above");
		assertThat(byAlice.getMessagesList()).last().satisfies(told -> {
			assertThat(told.getAuthorKind()).isEqualTo(TicketAuthorKind.TICKET_AUTHOR_KIND_SYSTEM);
			assertThat(told.getBody()).contains("merged into " + survivor.getTicket().getNumber())
				.contains("已合并到 " + survivor.getTicket().getNumber());
		});
		assertThat(byAlice.getMessagesList()).noneMatch(TicketMessage::getInternal);
		assertThat(byAlice.getCanReply()).isFalse();
		assertThat(get(ALICE, survivor.getTicket().getId()).getMessagesList()).noneMatch(TicketMessage::getInternal);
		verify(audit).record(argThat(caller -> caller.hasRole(com.rapport.support.security.Caller.AGENT)),
				eq("ticket.merged"), eq("ticket"),
				eq(duplicate.getTicket().getId()), eq("acme-retail"),
				argThat(details -> details.get("into").equals(survivor.getTicket().getNumber())));
	}

	@Test
	void invalidMergesAreConflictsSayingWhy() throws Exception {
		String one = raise(ALICE, "One").getTicket().getNumber();
		String two = raise(ALICE, "Two").getTicket().getNumber();
		String three = raise(ALICE, "Three").getTicket().getNumber();
		String globex = raise(GAVIN, "Globex's").getTicket().getNumber();

		assertThat(conflict(() -> merge(AGENT, one, one, "same"))).isEqualTo("ticket.merge.same");
		assertThat(conflict(() -> merge(AGENT, one, globex, "other"))).isEqualTo("ticket.merge.other-organisation");
		merge(AGENT, one, two, "duplicate");
		assertThat(conflict(() -> merge(AGENT, one, three, "again"))).isEqualTo("ticket.merge.already-merged");
		assertThat(conflict(() -> merge(AGENT, three, one, "into a merged one"))).isEqualTo("ticket.merge.into-merged");

		workflow(AGENT).changeStatus(ChangeStatusRequest.newBuilder().setTicketId(three)
			.setTransition(TicketTransition.TICKET_TRANSITION_RESOLVE).build());
		workflow(AGENT).changeStatus(ChangeStatusRequest.newBuilder().setTicketId(three)
			.setTransition(TicketTransition.TICKET_TRANSITION_CLOSE).build());
		assertThat(conflict(() -> merge(AGENT, three, two, "closed"))).isEqualTo("ticket.merge.closed");
		assertThat(conflict(() -> merge(AGENT, two, three, "closed"))).isEqualTo("ticket.merge.closed");
	}

	@Test
	void aMergeNeedsASurvivorAndAReasonAndOnlyStaffMerge() throws Exception {
		String one = raise(ALICE, "One").getTicket().getNumber();
		String two = raise(ALICE, "Two").getTicket().getNumber();
		StatusRuntimeException blank = failure(() -> merge(AGENT, one, "", " "));
		assertThat(blank.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
		Problem problem = GrpcProblems.problem(blank);
		assertThat(problem.getCode()).isEqualTo("ticket.cannot-merge");
		assertThat(problem.getFieldsList()).extracting(f -> f.getField() + ":" + f.getCode())
			.containsExactly("survivorId:field.required", "reason:field.required");
		assertThat(failure(() -> merge(AGENT, one, two, "x".repeat(501))).getStatus().getCode())
			.isEqualTo(Status.Code.INVALID_ARGUMENT);

		for (String token : List.of(ALICE, TestTokens.service())) {
			assertThat(failure(() -> merge(token, one, two, "mine")).getStatus().getCode())
				.isEqualTo(Status.Code.PERMISSION_DENIED);
		}
		assertThat(failure(() -> merge(AGENT, one, "T-999999", "gone")).getStatus().getCode())
			.isEqualTo(Status.Code.NOT_FOUND);
	}

	private static String conflict(Runnable call) throws Exception {
		StatusRuntimeException refused = failure(call);
		assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.ABORTED);
		return GrpcProblems.problem(refused).getCode();
	}
}
