package com.rapport.ticket.ticket.grpc;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import com.google.protobuf.ByteString;
import com.rapport.contracts.problem.v1.Problem;
import com.rapport.contracts.ticket.v1.AttachmentContent;
import com.rapport.contracts.ticket.v1.AttachmentUpload;
import com.rapport.contracts.ticket.v1.ChangeStatusRequest;
import com.rapport.contracts.ticket.v1.GetAttachmentRequest;
import com.rapport.contracts.ticket.v1.OpenTicketRequest;
import com.rapport.contracts.ticket.v1.ReplyRequest;
import com.rapport.contracts.ticket.v1.TicketAttachment;
import com.rapport.contracts.ticket.v1.TicketCategory;
import com.rapport.contracts.ticket.v1.TicketDetail;
import com.rapport.contracts.ticket.v1.TicketKind;
import com.rapport.contracts.ticket.v1.TicketTransition;
import com.rapport.support.test.TestTokens;
import com.rapport.ticket.GrpcProblems;
import com.rapport.ticket.attachment.Attachment;
import com.rapport.ticket.attachment.Attachments;
import com.rapport.ticket.customer.CustomerDirectory;
import com.rapport.ticket.sla.Tier;
import com.rapport.ticket.ticket.AuthorKind;
import com.rapport.ticket.ticket.TicketDeskTest;
import com.rapport.ticket.ticket.TicketMessage;
import com.rapport.ticket.ticket.TicketRepository;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import static com.rapport.ticket.ticket.grpc.DeskStubs.conversation;
import static com.rapport.ticket.ticket.grpc.DeskStubs.failure;
import static com.rapport.ticket.ticket.grpc.DeskStubs.files;
import static com.rapport.ticket.ticket.grpc.DeskStubs.intake;
import static com.rapport.ticket.ticket.grpc.DeskStubs.workflow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;

/**
 * Attachments through the gRPC doors people use: sent with a new ticket and with replies, listed on their
 * message, read back only after the ticket's access check; too large, a forbidden type (by content) and the
 * other bad files refused with nothing stored.
 */
@TicketDeskTest
class TicketAttachmentGrpcTests {

	static final String ALICE = TestTokens.customer("acme-retail");

	static final String GAVIN = TestTokens.customer("globex-trading");

	static final String AGENT = TestTokens.staff("agent");

	static final byte[] PDF = "%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

	static final byte[] EXE = { 'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, (byte) 0xff, (byte) 0xff, 0, 0,
			(byte) 0xb8, 0, 0, 0, 0, 0, 0, 0, 0x40, 0, 0, 0 };

	@Autowired
	TicketRepository tickets;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	Attachments attachments;

	@MockitoBean
	CustomerDirectory customers;

	@BeforeEach
	void setUp() {
		tickets.deleteAll();
		mongo.remove(new Query(), "ticket_attachment_chunks");
		given(customers.tierOf(anyString())).willReturn(Tier.KEY);
	}

	private static OpenTicketRequest.Builder damage() {
		return OpenTicketRequest.newBuilder().setSubject("Pallet arrived wet").setBody("Pallet 3 of ACME-1015 was wet")
			.setKind(TicketKind.TICKET_KIND_COMPLAINT).setCategory(TicketCategory.TICKET_CATEGORY_DELIVERY);
	}

	private static AttachmentUpload file(String name, byte[] content) {
		return AttachmentUpload.newBuilder().setFileName(name).setContent(ByteString.copyFrom(content)).build();
	}

	private static AttachmentContent get(String token, String ticketId, String attachmentId) {
		return files(token).getAttachment(
				GetAttachmentRequest.newBuilder().setTicketId(ticketId).setAttachmentId(attachmentId).build());
	}

	private long storedChunks() {
		return mongo.count(new Query(), "ticket_attachment_chunks");
	}

	@Test
	void aContactsFileIsListedOnTheOpeningMessageAndReadBackWhole() {
		byte[] big = Arrays.copyOf(PDF, 600 * 1024);
		TicketDetail opened = intake(ALICE).openTicket(damage().addAttachments(file("C:\\scans\\delivery note.pdf", big))
			.addAttachments(file("counts.csv", "sku,qty\nLAMP-LED-02,40\n".getBytes(StandardCharsets.UTF_8))).build());

		var listed = opened.getMessages(0).getAttachmentsList();
		assertThat(listed).extracting(TicketAttachment::getFileName).containsExactly("delivery note.pdf", "counts.csv");
		assertThat(listed).extracting(TicketAttachment::getContentType).containsExactly("application/pdf", "text/csv");
		assertThat(listed.get(0).getSize()).isEqualTo(big.length);
		// Three chunks of 255 KB for the PDF, one for the CSV.
		assertThat(storedChunks()).isEqualTo(4);

		String ticketId = opened.getTicket().getId();
		AttachmentContent byAlice = get(ALICE, ticketId, listed.get(0).getId());
		assertThat(byAlice.getContent().toByteArray()).isEqualTo(big);
		assertThat(byAlice.getAttachment().getContentType()).isEqualTo("application/pdf");
		assertThat(get(AGENT, opened.getTicket().getNumber(), listed.get(1).getId()).getContent().toStringUtf8())
			.startsWith("sku,qty");
	}

	@Test
	void anotherOrganisationsFileAnswersLikeAnUnknownOneAndServicesAreRefused() {
		TicketDetail opened = intake(ALICE).openTicket(damage().addAttachments(file("note.pdf", PDF)).build());
		String ticketId = opened.getTicket().getId();
		String fileId = opened.getMessages(0).getAttachments(0).getId();

		StatusRuntimeException other = failure(() -> get(GAVIN, ticketId, fileId));
		StatusRuntimeException unknown = failure(() -> get(ALICE, ticketId, "no-such-file"));
		assertThat(other.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
		assertThat(unknown.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
		assertThat(other.getStatus().getDescription()).doesNotContain("note.pdf");
		assertThat(failure(() -> get(TestTokens.service(), ticketId, fileId)).getStatus().getCode())
			.isEqualTo(Status.Code.PERMISSION_DENIED);
	}

	@Test
	void aFileOnAnInternalNoteIsNotFoundForTheCustomer() {
		TicketDetail opened = intake(ALICE).openTicket(damage().build());
		Attachment secret = attachments.store(java.util.List.of(new com.rapport.ticket.attachment.AttachmentUpload(
				"supplier-claim.pdf", PDF))).get(0);
		var ticket = tickets.findById(opened.getTicket().getId()).orElseThrow();
		var messages = new java.util.ArrayList<>(ticket.messages());
		messages.add(new TicketMessage("note-1", AuthorKind.STAFF, "agent", "Li Na", true, "Claim filed",
				TicketDeskTest.NOW, java.util.List.of(secret)));
		mongo.updateFirst(Query.query(org.springframework.data.mongodb.core.query.Criteria.where("_id").is(ticket.id())),
				new org.springframework.data.mongodb.core.query.Update().set("messages", messages), "tickets");

		assertThat(failure(() -> get(ALICE, ticket.id(), secret.id())).getStatus().getCode())
			.isEqualTo(Status.Code.NOT_FOUND);
		assertThat(get(AGENT, ticket.id(), secret.id()).getContent().toByteArray()).isEqualTo(PDF);
	}

	@Test
	void aTooLargeFileIsRefusedAndNothingIsStored() throws Exception {
		byte[] tooLarge = Arrays.copyOf(PDF, 3 * 1024 * 1024 + 1);
		StatusRuntimeException refused = failure(() -> intake(ALICE)
			.openTicket(damage().addAttachments(file("ok.pdf", PDF)).addAttachments(file("scan.pdf", tooLarge)).build()));

		assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
		Problem problem = GrpcProblems.problem(refused);
		assertThat(problem.getCode()).isEqualTo("attachment.too-large");
		assertThat(problem.getFieldsList()).anySatisfy(f -> {
			assertThat(f.getField()).isEqualTo("attachments[1]");
			assertThat(f.getCode()).isEqualTo("attachment.file-too-large");
		});
		assertThat(tickets.count()).isZero();
		assertThat(storedChunks()).isZero();
	}

	@Test
	void aProgramNamedLikeAPdfIsRefusedByItsContent() throws Exception {
		StatusRuntimeException refused = failure(
				() -> intake(ALICE).openTicket(damage().addAttachments(file("invoice.pdf", EXE)).build()));

		Problem problem = GrpcProblems.problem(refused);
		assertThat(problem.getCode()).isEqualTo("attachment.type-not-allowed");
		assertThat(problem.getFields(0).getCode()).isEqualTo("attachment.file-type-not-allowed");
		assertThat(tickets.count()).isZero();
		assertThat(storedChunks()).isZero();
	}

	@Test
	void emptyFilesAndTooManyFilesAreBadFields() throws Exception {
		Problem empty = GrpcProblems.problem(
				failure(() -> intake(ALICE).openTicket(damage().addAttachments(file("blank.pdf", new byte[0])).build())));
		assertThat(empty.getCode()).isEqualTo("attachment.cannot-attach");
		assertThat(empty.getFields(0).getCode()).isEqualTo("attachment.empty");

		OpenTicketRequest.Builder four = damage();
		for (int i = 0; i < 4; i++) {
			four.addAttachments(file("page-" + i + ".pdf", PDF));
		}
		Problem tooMany = GrpcProblems.problem(failure(() -> intake(ALICE).openTicket(four.build())));
		assertThat(tooMany.getFieldsList()).anySatisfy(f -> assertThat(f.getCode()).isEqualTo("attachment.too-many"));
		assertThat(storedChunks()).isZero();
	}

	@Test
	void aTicketRefusedForItsTextKeepsNoneOfItsFiles() {
		StatusRuntimeException refused = failure(() -> intake(ALICE)
			.openTicket(damage().setSubject("").addAttachments(file("note.pdf", PDF)).build()));
		assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
		assertThat(storedChunks()).isZero();
	}

	@Test
	void staffAndTheCustomerReplyWithFilesAndAClosedTicketKeepsNone() {
		TicketDetail opened = intake(ALICE).openTicket(damage().build());
		String id = opened.getTicket().getId();
		TicketDetail answered = conversation(AGENT).reply(ReplyRequest.newBuilder().setTicketId(id)
			.setBody("Here is the signed delivery note").addAttachments(file("signed.pdf", PDF)).build());
		TicketAttachment staffFile = answered.getMessages(1).getAttachments(0);
		assertThat(get(ALICE, id, staffFile.getId()).getContent().toByteArray()).isEqualTo(PDF);

		workflow(AGENT).changeStatus(ChangeStatusRequest.newBuilder().setTicketId(id)
				.setTransition(TicketTransition.TICKET_TRANSITION_RESOLVE).build());
		workflow(ALICE).changeStatus(ChangeStatusRequest.newBuilder().setTicketId(id)
				.setTransition(TicketTransition.TICKET_TRANSITION_CLOSE).build());
		long before = storedChunks();
		StatusRuntimeException closed = failure(() -> conversation(ALICE).reply(ReplyRequest.newBuilder()
			.setTicketId(id).setBody("One more photo").addAttachments(file("photo.pdf", PDF)).build()));
		assertThat(closed.getStatus().getCode()).isEqualTo(Status.Code.ABORTED);
		assertThat(storedChunks()).isEqualTo(before);
	}
}
