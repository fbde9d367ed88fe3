package com.rapport.ticket;

import com.rapport.support.test.FixedClock;
import com.rapport.ticket.sla.BusinessCalendar;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.rapport.support.test.TestTokens;
import com.rapport.support.test.matrix.AuthorizationMatrixContract;
import com.rapport.support.test.matrix.Caller;
import com.rapport.ticket.customer.CustomerDirectory;
import com.rapport.ticket.sla.Priority;
import com.rapport.ticket.sla.SlaProperties;
import com.rapport.ticket.sla.Tier;
import com.rapport.ticket.ticket.AuthorKind;
import com.rapport.ticket.ticket.Channel;
import com.rapport.ticket.ticket.Requester;
import com.rapport.ticket.ticket.Ticket;
import com.rapport.ticket.ticket.TicketKind;
import com.rapport.ticket.ticket.TicketMessage;
import com.rapport.ticket.ticket.TicketRepository;
import com.rapport.ticket.ticket.TicketStatus;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import static org.mockito.BDDMockito.given;

/**
 * Who gets what from ticket-service: the rows of authorization-matrix.txt, probed with tickets of organisation
 * A. The methods that change a ticket get a fresh one of A's for every call, so that one caller's change does
 * not decide the next caller's answer.
 */
@SpringBootTest(properties = { "rapport.mongodb.embedded.in-memory=true", "spring.grpc.server.port=0",
		"spring.grpc.server.inprocess.name=ticket-service-matrix" })
@AutoConfigureMockMvc
@Import({ TestTokens.DecoderConfiguration.class, FixedClock.class })
class TicketAuthorizationMatrixTests extends AuthorizationMatrixContract {

	static final String SECRET_SUBJECT = "A-SECRET chairs broken";

	static final String SECRET_REQUESTER = "Agatha Secret";

	static final String SECRET_NOTE = "A-SECRET internal note";

	@Autowired
	TicketRepository tickets;

	@MockitoBean
	CustomerDirectory customers;

	@Autowired
	com.rapport.ticket.macro.Macros macros;

	@Autowired
	org.springframework.data.mongodb.core.MongoTemplate mongo;

	private String ticketOfA;

	@Autowired
	com.rapport.ticket.attachment.Attachments attachments;

	/** A file on the opening message of A's tickets, for GetAttachment. */
	private com.rapport.ticket.attachment.Attachment fileOfA;

	private int fresh;

	@Override
	protected void createRecordsOfOrganisationA() {
		tickets.deleteAll();
		given(customers.tierOf(Caller.ORGANISATION_A)).willReturn(Tier.KEY);
		fileOfA = attachments.store(List.of(new com.rapport.ticket.attachment.AttachmentUpload("broken-chairs.txt",
				"Four chairs arrived broken".getBytes(java.nio.charset.StandardCharsets.UTF_8)))).get(0);
		ticketOfA = ticketOfA("T-4711", TicketStatus.NEW).id();
		mongo.remove(new org.springframework.data.mongodb.core.query.Query(), com.rapport.ticket.macro.Macro.class);
		knowledgeBase.storePublishedIfAbsent("kb-matrix", com.rapport.ticket.ticket.Category.QUALITY,
				new com.rapport.ticket.kb.ArticleContent("Broken chairs", "椅子损坏", "Send photos", "请发送照片"),
				FixedClock.NOW);
	}

	@Autowired
	com.rapport.ticket.kb.KnowledgeBase knowledgeBase;

	/** A macro of its own for a call that uses or deletes one. */
	private String freshMacro() {
		String id = "macro-" + fresh++;
		macros.storeIfAbsent(new com.rapport.ticket.macro.Macro(id, "Matrix " + id, "Dear {{contact_name}}",
				"{{contact_name}}，您好", null, null));
		return id;
	}

	private Ticket ticketOfA(String number, TicketStatus status) {
		Instant opened = FixedClock.NOW.minusSeconds(600);
		Ticket ticket = new Ticket(UUID.randomUUID().toString(), number, Caller.ORGANISATION_A, SECRET_SUBJECT,
				TicketKind.COMPLAINT, Priority.HIGH, status, Channel.PORTAL, opened,
				Requester.of("contact-of-a", SECRET_REQUESTER, "agatha@org-a.example"), "Li Na", null,
				status == TicketStatus.RESOLVED ? opened.plusSeconds(60) : null, Tier.KEY, false,
				SlaProperties.defaults().policyFor(Tier.KEY).start(opened, BusinessCalendar.ROUND_THE_CLOCK, 25), null, null, List.of(), List.of(), null,
				"staff-agent", null, null, false, 0,
				List.of(new TicketMessage("m1", AuthorKind.CUSTOMER, "contact-of-a", SECRET_REQUESTER, false,
						"Four chairs arrived broken", opened, List.of(fileOfA)),
						new TicketMessage("m2", AuthorKind.STAFF, "staff-agent", "Li Na", true, SECRET_NOTE, opened)),
				null, List.of());
		return tickets.insert(ticket);
	}

	/** A fresh ticket of A for a call that changes one: resolved for ChangeStatus (customers may close it). */
	private String freshTicketOfA(String method) {
		TicketStatus status = method.endsWith("/ChangeStatus") ? TicketStatus.RESOLVED : TicketStatus.OPEN;
		return ticketOfA("T-" + (5000 + fresh++), status).id();
	}

	@Autowired
	com.rapport.ticket.ticket.TicketCommitments commitments;

	/**
	 * A fresh ticket of A with an open commitment of another agent's ("staff-someone-else": the probing agent is not
	 * its owner), as the request naming both, plus {@code more}.
	 */
	private String commitmentOfA(String more) {
		String ticket = freshTicketOfA("Commitment");
		Instant made = FixedClock.NOW.minusSeconds(60);
		var promise = new com.rapport.ticket.ticket.Commitment(UUID.randomUUID().toString(),
				com.rapport.ticket.ticket.Commitment.Kind.FIX, "Replace the chairs", "staff-someone-else", "Someone Else",
				null, FixedClock.NOW.plusSeconds(86_400), FixedClock.NOW.plusSeconds(80_000), made, "staff-someone-else",
				"Someone Else", com.rapport.ticket.ticket.Commitment.Status.OPEN, null, null, null, null, null, null);
		commitments.load(ticket, promise, null, null);
		return "{\"ticketId\": \"" + ticket + "\", \"commitmentId\": \"" + promise.id() + "\"" + more + "}";
	}

	@Override
	protected String pathVariable(String name) {
		if (name.equals("attachmentId")) {
			return fileOfA.id();
		}
		return ticketOfA;
	}

	@Override
	protected String restBody(String endpoint) {
		if (endpoint.endsWith("/attachments")) {
			return "{\"fileName\": \"delivery-note.txt\", \"content\": \""
					+ java.util.Base64.getEncoder().encodeToString("Pallet 3 signed for wet".getBytes()) + "\"}";
		}
		if (endpoint.endsWith("/replies")) {
			return "{\"body\": \"Any news?\", \"authorName\": \"Partner desk\"}";
		}
		if (endpoint.startsWith("REST POST")) {
			return """
					{"customerId": "%s", "subject": "Pallet damaged", "body": "Pallet 3 of ACME-1015 was wet",
					 "kind": "COMPLAINT", "category": "DELIVERY", "requester": {"name": "Erp Desk"}}"""
				.formatted(Caller.ORGANISATION_A);
		}
		return null;
	}

	@Override
	protected String grpcRequest(String fullMethodName) {
		if (fullMethodName.startsWith("rapport.privacy.v1.")) {
			return "{\"subject\": {\"organisationId\": \"" + Caller.ORGANISATION_A + "\", \"contactId\": \"contact-of-a\"}}";
		}
		String method = fullMethodName.substring(fullMethodName.lastIndexOf('/') + 1);
		return switch (method) {
			case "ListOpenTickets", "ListTickets" -> "{\"customerId\": \"" + Caller.ORGANISATION_A + "\"}";
			case "ListOpenTicketFacts" -> "{\"customerIds\": [\"" + Caller.ORGANISATION_A + "\"]}";
			case "GetTicketFigures" -> "{\"fromMonth\": \"2026-01\", \"toMonth\": \"2026-12\", \"customerId\": \""
					+ Caller.ORGANISATION_A + "\"}";
			case "OpenTicket" -> """
					{"customerId": "%s", "subject": "Chairs wobble", "body": "Two chairs wobble", "kind": "TICKET_KIND_COMPLAINT",
					 "category": "TICKET_CATEGORY_QUALITY", "channel": "TICKET_CHANNEL_PHONE", "requesterName": "Agatha"}"""
				.formatted(Caller.ORGANISATION_A);
			case "GetTicket" -> "{\"ticketId\": \"" + ticketOfA + "\"}";
			case "GetAttachment" -> "{\"ticketId\": \"" + ticketOfA + "\", \"attachmentId\": \"" + fileOfA.id() + "\"}";
			case "Reply", "AddNote" -> "{\"ticketId\": \"" + freshTicketOfA(method) + "\", \"body\": \"Noted\"}";
			case "ChangeStatus" -> "{\"ticketId\": \"" + freshTicketOfA(fullMethodName)
					+ "\", \"transition\": \"TICKET_TRANSITION_CLOSE\"}";
			case "MergeTicket" -> "{\"duplicateId\": \"" + freshTicketOfA(method) + "\", \"survivorId\": \"" + ticketOfA
					+ "\", \"reason\": \"Raised twice\"}";
			case "Assign" -> "{\"ticketId\": \"" + freshTicketOfA(method) + "\", \"reason\": \"Holiday cover\"}";
			case "RecordCommitment" -> "{\"ticketId\": \"" + freshTicketOfA(method)
					+ "\", \"kind\": \"COMMITMENT_KIND_CALL_BACK\", \"what\": \"Call back about the chairs\", \"dueAt\": \""
					+ FixedClock.NOW.plusSeconds(86_400) + "\"}";
			case "KeepCommitment" -> commitmentOfA("");
			case "CancelCommitment" -> commitmentOfA(", \"reason\": \"Customer withdrew the request\"");
			case "ChangePriority" -> "{\"ticketId\": \"" + freshTicketOfA(method)
					+ "\", \"priority\": \"TICKET_PRIORITY_URGENT\", \"reason\": \"Their line stands still\"}";
			case "SaveSlaPolicy" -> """
					{"policy": {"tier": "SLA_TIER_KEY", "priority": "TICKET_PRIORITY_HIGH", "firstResponseMinutes": 60,
					 "nextReplyMinutes": 60, "resolutionMinutes": 480}}""";
			case "SaveBusinessCalendar" -> """
					{"calendar": {"id": "matrix", "name": "Matrix office", "timeZone": "Asia/Shanghai",
					 "hours": [{"day": 1, "from": "09:00", "to": "18:00"}]}}""";
			case "SaveTeam" -> """
					{"team": {"id": "matrix", "name": "Matrix team", "categories": ["TICKET_CATEGORY_QUALITY"],
					 "agents": [{"userName": "agent.li", "displayName": "Li Na", "maxOpenTickets": 5, "available": true}]}}""";
			case "BulkAssign" -> "{\"ticketIds\": [\"" + freshTicketOfA(method)
					+ "\"], \"assigneeId\": \"agent.li\", \"reason\": \"Holiday cover\"}";
			case "SaveMacro" -> "{\"macro\": {\"name\": \"Matrix macro " + fresh++
					+ "\", \"bodyEn\": \"Dear {{contact_name}}\", \"bodyZh\": \"{{contact_name}}，您好\"}}";
			case "DeleteMacro" -> "{\"macroId\": \"" + freshMacro() + "\"}";
			case "RenderMacro" -> "{\"macroId\": \"" + freshMacro() + "\", \"ticketId\": \"" + ticketOfA + "\"}";
			case "SearchArticles" -> "{\"query\": \"broken chairs\"}";
			case "GetArticle", "PublishArticle" -> "{\"articleId\": \"kb-matrix\"}";
			case "SaveDraft" -> """
					{"category": "TICKET_CATEGORY_QUALITY", "draft": {"titleEn": "Wobbly chairs", "titleZh": "椅子摇晃",
					 "bodyEn": "Tighten the screws", "bodyZh": "拧紧螺丝"}}""";
			case "RecordHelpful" -> "{\"articleId\": \"kb-matrix\", \"helpful\": true, \"visitorId\": \"visitor-"
					+ (1000 + fresh++) + "\"}";
			default -> "{}";
		};
	}

	@Override
	protected List<String> secretsOfOrganisationA() {
		return List.of(SECRET_SUBJECT, SECRET_REQUESTER, "T-4711", "agatha@org-a.example", SECRET_NOTE);
	}
}
