package com.rapport.feedback.template;

import java.util.Map;
import java.util.stream.Collectors;

import com.rapport.contracts.audit.v1.AuditTrailGrpc;
import com.rapport.contracts.audit.v1.ListAuditEntriesRequest;
import com.rapport.contracts.feedback.v1.GetSurveyTemplatesRequest;
import com.rapport.contracts.feedback.v1.SurveyTemplate;
import com.rapport.contracts.feedback.v1.SurveyTemplateServiceGrpc;
import com.rapport.contracts.feedback.v1.SurveyTemplateSet;
import com.rapport.contracts.feedback.v1.UpdateSurveyTemplatesRequest;
import com.rapport.contracts.problem.v1.FieldProblem;
import com.rapport.contracts.problem.v1.Problem;
import com.rapport.feedback.response.SurveyKind;
import com.rapport.support.grpc.CallTokens;
import com.rapport.support.test.FixedClock;
import com.rapport.support.test.TestTokens;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.protobuf.StatusProto;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The managers' survey templates over the in-process gRPC transport (real security interceptor), on the embedded
 * store. The same Spring configuration as {@code SurveySettingsTests}, so the test context is shared.
 */
@SpringBootTest(properties = { "rapport.mongodb.embedded.in-memory=true", "spring.grpc.server.port=0",
		"spring.grpc.server.inprocess.name=" + "feedback-survey-settings", "rapport.surveys.sending=false" })
@Import({ TestTokens.DecoderConfiguration.class, FixedClock.class })
class SurveyTemplatesTests {

	static final ManagedChannel channel = InProcessChannelBuilder.forName("feedback-survey-settings").directExecutor()
		.build();

	@Autowired
	MongoTemplate mongo;

	@Autowired
	SurveyQuestions questions;

	@BeforeEach
	void defaults() {
		mongo.dropCollection(SurveyTemplates.class);
	}

	@AfterAll
	static void stop() {
		channel.shutdownNow();
	}

	private static SurveyTemplateServiceGrpc.SurveyTemplateServiceBlockingStub as(String token) {
		return SurveyTemplateServiceGrpc.newBlockingStub(channel).withCallCredentials(CallTokens.bearer(token));
	}

	private static SurveyTemplate wording(String kind, String language, String text) {
		return SurveyTemplate.newBuilder().setKind(kind).setLanguage(language).setText(text).build();
	}

	private static SurveyTemplateSet save(String token, long version, SurveyTemplate... wordings) {
		return as(token).updateSurveyTemplates(UpdateSurveyTemplatesRequest.newBuilder()
			.addAllTemplates(java.util.List.of(wordings)).setExpectedVersion(version).build());
	}

	private static Map<String, SurveyTemplate> byKey(SurveyTemplateSet set) {
		return set.getTemplatesList().stream()
			.collect(Collectors.toMap(t -> t.getKind() + "/" + t.getLanguage(), t -> t));
	}

	private static Problem problem(StatusRuntimeException ex) {
		try {
			return StatusProto.fromThrowable(ex).getDetailsList().stream().filter(d -> d.is(Problem.class)).findFirst()
				.orElseThrow().unpack(Problem.class);
		}
		catch (com.google.protobuf.InvalidProtocolBufferException bad) {
			throw new AssertionError(bad);
		}
	}

	@Test
	void untilAManagerWordsThemEverySurveyAsksTheDefaultQuestionInBothLanguages() {
		SurveyTemplateSet set = as(TestTokens.staff("agent")).getSurveyTemplates(GetSurveyTemplatesRequest.getDefaultInstance());

		assertThat(set.getVersion()).isZero();
		assertThat(set.hasUpdatedAt()).isFalse();
		assertThat(set.getTemplatesList()).hasSize(6).allSatisfy(t -> assertThat(t.getText()).isEmpty());
		Map<String, SurveyTemplate> templates = byKey(set);
		assertThat(templates.get("CSAT/en").getDefaultText()).isEqualTo("How satisfied are you with how we handled {subject}?");
		assertThat(templates.get("CES/zh-CN").getDefaultText()).isEqualTo("收到订单 {subject} 对您来说有多容易？");
		assertThat(templates.get("NPS/en").getDefaultText()).isEqualTo("How likely are you to recommend us to a colleague?");
		assertThat(questions.question(SurveyKind.CES, "TICKET", "T-1001", "en")).isEqualTo("How easy was it to get T-1001 resolved?");
	}

	@Test
	void aManagersWordingIsAskedWithItsSubjectFilledInAndABlankOneIsTheDefaultAgain() {
		SurveyTemplateSet saved = save(TestTokens.staff("manager"), 0,
				wording("CSAT", "en", "  Were you happy with how {subject} went?  "),
				wording("CSAT", "zh-CN", "{subject} 的处理让您满意吗？"));
		assertThat(saved.getVersion()).isEqualTo(1);
		assertThat(saved.getUpdatedBy()).isEqualTo("staff-manager");
		assertThat(byKey(saved).get("CSAT/en").getText()).isEqualTo("Were you happy with how {subject} went?");
		assertThat(byKey(saved).get("NPS/en").getText()).isEmpty();

		assertThat(questions.question(SurveyKind.CSAT, "TICKET", "T-1001", "en")).isEqualTo("Were you happy with how T-1001 went?");
		assertThat(questions.question(SurveyKind.CSAT, "ORDER", "ACME-1015", "zh-CN")).isEqualTo("ACME-1015 的处理让您满意吗？");
		assertThat(questions.question(SurveyKind.NPS, "RELATIONSHIP", null, "en"))
			.isEqualTo("How likely are you to recommend us to a colleague?");

		SurveyTemplateSet back = save(TestTokens.staff("admin"), 1, wording("CSAT", "en", " "));
		assertThat(back.getVersion()).isEqualTo(2);
		assertThat(questions.question(SurveyKind.CSAT, "TICKET", "T-1001", "en"))
			.isEqualTo("How satisfied are you with how we handled T-1001?");
		// Left out of the save: kept.
		assertThat(questions.question(SurveyKind.CSAT, "TICKET", "T-1001", "zh-CN")).isEqualTo("T-1001 的处理让您满意吗？");

		var entries = AuditTrailGrpc.newBlockingStub(channel).withCallCredentials(CallTokens.bearer(TestTokens.staff("admin")))
			.listAuditEntries(ListAuditEntriesRequest.getDefaultInstance()).getEntriesList().stream()
			.filter(e -> e.getAction().equals("survey-templates.updated")).toList();
		assertThat(entries).anySatisfy(e -> assertThat(e.getDetailsMap())
			.containsEntry("CSAT_en", "(default) -> Were you happy with how {subject} went?"));
		assertThat(entries).anySatisfy(e -> assertThat(e.getDetailsMap())
			.containsEntry("CSAT_en", "Were you happy with how {subject} went? -> (default)"));
	}

	@Test
	void savingWhatIsInForceChangesNothing() {
		save(TestTokens.staff("manager"), 0, wording("NPS", "en", "Would you recommend us to a peer?"));

		SurveyTemplateSet again = save(TestTokens.staff("manager"), 1, wording("NPS", "en", "Would you recommend us to a peer?"));

		assertThat(again.getVersion()).isEqualTo(1);
	}

	@Test
	void aSaveOverAnOldVersionOverwritesNothing() {
		save(TestTokens.staff("manager"), 0, wording("NPS", "en", "Would you recommend us to a peer?"));

		assertThatExceptionOfType(StatusRuntimeException.class)
			.isThrownBy(() -> save(TestTokens.staff("admin"), 0, wording("NPS", "en", "Would you recommend us at all?")))
			.satisfies(ex -> {
				assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.ABORTED);
				assertThat(problem(ex).getCode()).isEqualTo("feedback.templates.changed-meanwhile");
			});
		assertThat(questions.question(SurveyKind.NPS, "RELATIONSHIP", null, "en")).isEqualTo("Would you recommend us to a peer?");
	}

	@Test
	void everyBadWordingIsNamedWithItsReasonAndNothingIsSaved() {
		assertThatExceptionOfType(StatusRuntimeException.class)
			.isThrownBy(() -> save(TestTokens.staff("manager"), 0, wording("CSAT", "en", "Happy?"),
					wording("CES", "zh-CN", "这次收货容易吗？请打分"), wording("NPS", "zh-CN", "{name}，您会推荐我们吗？"),
					wording("CSAT", "zh-CN", "{subject} 的处理让您满意吗？")))
			.satisfies(ex -> {
				assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
				Problem problem = problem(ex);
				assertThat(problem.getCode()).isEqualTo("feedback.templates-invalid");
				assertThat(problem.getFieldsList()).extracting(FieldProblem::getField, FieldProblem::getCode)
					.containsExactly(org.assertj.core.groups.Tuple.tuple("csatEn", "feedback.template.length"),
							org.assertj.core.groups.Tuple.tuple("cesZh", "feedback.template.placeholder.missing"),
							org.assertj.core.groups.Tuple.tuple("npsZh", "feedback.template.placeholder.unknown"));
			});
		assertThat(as(TestTokens.staff("manager")).getSurveyTemplates(GetSurveyTemplatesRequest.getDefaultInstance())
			.getVersion()).isZero();
	}

	@Test
	void anUnknownSurveyOrLanguageIsRefused() {
		assertThatExceptionOfType(StatusRuntimeException.class)
			.isThrownBy(() -> save(TestTokens.staff("manager"), 0, wording("CSAT", "fr", "Êtes-vous satisfait de {subject} ?")))
			.satisfies(ex -> assertThat(problem(ex).getFields(0).getCode()).isEqualTo("field.unknown-choice"));
	}

	@Test
	void agentsReadButDoNotChangeThem() {
		assertThatExceptionOfType(StatusRuntimeException.class)
			.isThrownBy(() -> save(TestTokens.staff("agent"), 0, wording("NPS", "en", "Would you recommend us to a peer?")))
			.satisfies(ex -> assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED));
	}
}
