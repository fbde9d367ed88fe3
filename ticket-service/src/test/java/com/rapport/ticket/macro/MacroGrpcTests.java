package com.rapport.ticket.macro;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.rapport.contracts.problem.v1.FieldProblem;
import com.rapport.contracts.problem.v1.Problem;
import com.rapport.contracts.ticket.v1.DeleteMacroRequest;
import com.rapport.contracts.ticket.v1.ListMacrosRequest;
import com.rapport.contracts.ticket.v1.OpenTicketRequest;
import com.rapport.contracts.ticket.v1.RenderMacroRequest;
import com.rapport.contracts.ticket.v1.RenderedMacro;
import com.rapport.contracts.ticket.v1.SaveMacroRequest;
import com.rapport.contracts.ticket.v1.TicketCategory;
import com.rapport.contracts.ticket.v1.TicketChannel;
import com.rapport.contracts.ticket.v1.TicketIntakeServiceGrpc;
import com.rapport.contracts.ticket.v1.TicketKind;
import com.rapport.contracts.ticket.v1.TicketMacroServiceGrpc;
import com.rapport.support.audit.AuditEvent;
import com.rapport.support.audit.MongoAuditTrail;
import com.rapport.support.grpc.CallTokens;
import com.rapport.support.test.NewAuditEntries;
import com.rapport.support.test.TestTokens;
import com.rapport.ticket.customer.ContactDirectory;
import com.rapport.ticket.customer.CustomerDirectory;
import com.rapport.ticket.sla.Tier;
import com.rapport.ticket.ticket.TicketDeskTest;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.inprocess.InProcessChannelBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import static com.rapport.ticket.GrpcProblems.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;

/** Macros over gRPC, in process: managers keep them (validated, audited), staff fill one in for a ticket. */
@TicketDeskTest
class MacroGrpcTests {

	static final ManagedChannel channel = InProcessChannelBuilder.forName(TicketDeskTest.SERVER).directExecutor()
		.build();

	static final String AGENT = TestTokens.staff("agent");

	static final String MANAGER = TestTokens.staff("manager");

	static final String ALICE = TestTokens.customer("acme-retail");

	static final com.rapport.contracts.ticket.v1.Macro APOLOGY = com.rapport.contracts.ticket.v1.Macro.newBuilder()
		.setName("Apology").setBodyEn("Dear {{contact_name}}, order {{ order_number }} is late ({{ticket_number}}).")
		.setBodyZh("{{contact_name}}，您好：订单 {{order_number}} 延误了（{{ticket_number}}）。")
		.build();

	@Autowired
	MongoTemplate mongo;

	@Autowired
	MongoAuditTrail audit;

	@MockitoBean
	CustomerDirectory customers;

	@MockitoBean
	ContactDirectory contacts;

	@BeforeEach
	void setUp() {
		mongo.remove(new Query(), Macro.class);
		given(customers.tierOf(anyString())).willReturn(Tier.KEY);
	}

	private static TicketMacroServiceGrpc.TicketMacroServiceBlockingStub macros(String token) {
		return TicketMacroServiceGrpc.newBlockingStub(channel).withCallCredentials(CallTokens.bearer(token));
	}

	@Test
	void aManagerCreatesChangesAndDeletesAMacroAndEachIsAudited() {
		NewAuditEntries mark = NewAuditEntries.since(audit);
		var created = macros(MANAGER).saveMacro(SaveMacroRequest.newBuilder().setMacro(APOLOGY).build());
		assertThat(created.getId()).isNotEmpty();
		assertThat(created.getUpdatedBy()).isEqualTo("staff-manager");

		var changed = macros(MANAGER).saveMacro(SaveMacroRequest.newBuilder()
			.setMacro(created.toBuilder().setName("Apology for a delay")).build());
		assertThat(changed.getId()).isEqualTo(created.getId());
		assertThat(macros(AGENT).listMacros(ListMacrosRequest.getDefaultInstance()).getMacrosList())
			.extracting(com.rapport.contracts.ticket.v1.Macro::getName).containsExactly("Apology for a delay");

		macros(MANAGER).deleteMacro(DeleteMacroRequest.newBuilder().setMacroId(created.getId()).build());
		assertThat(macros(AGENT).listMacros(ListMacrosRequest.getDefaultInstance()).getMacrosList()).isEmpty();

		List<AuditEvent> events = mark.events();
		assertThat(events).extracting(AuditEvent::action, AuditEvent::recordId).containsExactly(
				tuple("macro.created", created.getId()), tuple("macro.changed", created.getId()),
				tuple("macro.deleted", created.getId()));
		assertThat(events.get(1).details()).containsEntry("name", "Apology -> Apology for a delay");
		assertThat(events).allSatisfy(e -> assertThat(e.details().toString()).doesNotContain("contact_name"));
	}

	@Test
	void everyBadFieldIsNamedAndAgentsMayNotKeepMacros() throws Exception {
		macros(MANAGER).saveMacro(SaveMacroRequest.newBuilder().setMacro(APOLOGY).build());

		StatusRuntimeException refused = assertThrows(StatusRuntimeException.class,
				() -> macros(MANAGER).saveMacro(SaveMacroRequest.newBuilder().setMacro(APOLOGY.toBuilder()
					.setBodyEn("Hello {{customer}}").setBodyZh(" ")).build()));
		assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
		Problem problem = problem(refused);
		assertThat(problem.getCode()).isEqualTo("macro.cannot-save");
		assertThat(problem.getFieldsList()).extracting(FieldProblem::getField, FieldProblem::getCode).containsExactly(
				tuple("name", "macro.name-taken"), tuple("bodyEn", "macro.placeholder.unknown"),
				tuple("bodyZh", "field.required"));
		assertThat(problem.getFields(1).getArgsList()).containsExactly("customer");

		StatusRuntimeException unknown = assertThrows(StatusRuntimeException.class,
				() -> macros(MANAGER).deleteMacro(DeleteMacroRequest.newBuilder().setMacroId("nope").build()));
		assertThat(unknown.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
		assertThat(problem(unknown).getCode()).isEqualTo("macro.not-found");

		StatusRuntimeException agent = assertThrows(StatusRuntimeException.class,
				() -> macros(AGENT).saveMacro(SaveMacroRequest.newBuilder().setMacro(APOLOGY).build()));
		assertThat(agent.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
	}

	@Test
	void aMacroIsFilledInForTheTicketInItsContactsLanguage() {
		String id = macros(MANAGER).saveMacro(SaveMacroRequest.newBuilder().setMacro(APOLOGY).build()).getId();
		String number = TicketIntakeServiceGrpc.newBlockingStub(channel).withCallCredentials(CallTokens.bearer(AGENT))
			.openTicket(OpenTicketRequest.newBuilder().setCustomerId("acme-retail").setContactId("contact-alice")
				.setRequesterName("Alice Chen").setChannel(TicketChannel.TICKET_CHANNEL_PHONE).setSubject("Late")
				.setBody("ACME-1015 is late").setKind(TicketKind.TICKET_KIND_REQUEST)
				.setCategory(TicketCategory.TICKET_CATEGORY_DELIVERY).setOrderNumber("ACME-1015").build())
			.getTicket().getNumber();
		given(contacts.contact(anyString(), any(), any())).willReturn(Optional.of(new ContactDirectory.KnownContact(
				"acme-retail", "contact-alice", "Alice Chen", "alice@acme.example", "zh-CN", "Asia/Shanghai", false)));

		RenderedMacro chinese = macros(AGENT).renderMacro(RenderMacroRequest.newBuilder().setMacroId(id)
			.setTicketId(number).build());

		assertThat(chinese.getLanguage()).isEqualTo("zh-CN");
		assertThat(chinese.getBody()).isEqualTo("Alice Chen，您好：订单 ACME-1015 延误了（" + number + "）。");

		given(contacts.contact(anyString(), any(), any())).willReturn(Optional.empty());
		RenderedMacro english = macros(AGENT).renderMacro(RenderMacroRequest.newBuilder().setMacroId(id)
			.setTicketId(number).build());
		assertThat(english.getLanguage()).isEqualTo("en");
		assertThat(english.getBody()).isEqualTo("Dear Alice Chen, order ACME-1015 is late (" + number + ").");

		StatusRuntimeException customer = assertThrows(StatusRuntimeException.class,
				() -> macros(ALICE).renderMacro(RenderMacroRequest.newBuilder().setMacroId(id).setTicketId(number)
					.build()));
		assertThat(customer.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
	}

	@Test
	void placeholdersAreFilledWhereverTheyStandAndAMissingValueIsLeftEmpty() {
		assertThat(Macros.fill("{{contact_name}} / {{ order_number }} / {{ticket_number}}",
				Map.of("contact_name", "Bo", "ticket_number", "T-1", "order_number", ""))).isEqualTo("Bo /  / T-1");
		assertThat(Macros.fill("$5 \\ {{contact_name}}", Map.of("contact_name", "A$1"))).isEqualTo("$5 \\ A$1");
	}
}
