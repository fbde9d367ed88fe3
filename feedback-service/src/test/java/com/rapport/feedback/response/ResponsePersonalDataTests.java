package com.rapport.feedback.response;

import java.util.List;

import com.jayway.jsonpath.JsonPath;
import com.rapport.contracts.privacy.v1.ErasePersonalDataRequest;
import com.rapport.contracts.privacy.v1.ExportPersonalDataRequest;
import com.rapport.contracts.privacy.v1.PersonalDataGrpc;
import com.rapport.contracts.privacy.v1.Subject;
import com.rapport.support.test.FixedClock;
import com.rapport.support.grpc.CallTokens;
import com.rapport.support.test.TestTokens;
import io.grpc.ManagedChannel;
import io.grpc.inprocess.InProcessChannelBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** What feedback-service holds about a person: the answers they gave, with what they wrote. */
@SpringBootTest(properties = { "rapport.mongodb.embedded.in-memory=true", "spring.grpc.server.port=0",
		"spring.grpc.server.inprocess.name=" + ResponsePersonalDataTests.SERVER })
@Import({ TestTokens.DecoderConfiguration.class, FixedClock.class })
class ResponsePersonalDataTests {

	static final String SERVER = "feedback-personal-data-test";

	static final ManagedChannel channel = InProcessChannelBuilder.forName(SERVER).directExecutor().build();

	static final Subject ALICE = Subject.newBuilder().setOrganisationId("acme-retail").setContactId("alice-1")
		.setUsername("alice.chen").setName("Alice Chen").build();

	@Autowired
	ResponseService service;

	@Autowired
	SurveyResponseRepository responses;

	@BeforeEach
	void setUp() {
		responses.deleteAll();
		service.record(Answers.byContact(Answers.withComment(Answers.csat("alice-csat", "acme-retail", 2),
				"The driver was rude."), "alice-1"));
		service.record(Answers.byContact(Answers.answer("alice-nps", "acme-retail", "NPS", 9, Answers.T0.plusSeconds(60)),
				"alice-1"));
		service.record(Answers.byContact(Answers.withComment(Answers.csat("bo-csat", "acme-retail", 5), "Great."),
				"bo-2"));
		// The same contact id under another organisation is somebody else.
		service.record(Answers.byContact(Answers.withComment(Answers.csat("globex-csat", "globex-trading", 1),
				"Not Alice."), "alice-1"));
	}

	private static PersonalDataGrpc.PersonalDataBlockingStub admin() {
		return PersonalDataGrpc.newBlockingStub(channel).withCallCredentials(CallTokens.bearer(TestTokens.staff("admin")));
	}

	@Test
	void theExportListsTheAnswersThePersonGaveWithWhatTheyWrote() {
		var export = admin().exportPersonalData(ExportPersonalDataRequest.newBuilder().setSubject(ALICE).build());

		assertThat(export.getService()).isEqualTo("feedback-service");
		assertThat(export.getRecords()).isEqualTo(2);
		assertThat(JsonPath.<List<String>>read(export.getJson(), "$.survey_responses[*].responseId"))
			.containsExactly("alice-csat", "alice-nps");
		assertThat(JsonPath.<String>read(export.getJson(), "$.survey_responses[0].comment"))
			.isEqualTo("The driver was rude.");
		assertThat(export.getJson()).doesNotContain("Great.", "Not Alice.");
	}

	@Test
	void erasingKeepsTheScoresAndForgetsWhoGaveThemAndWhatTheyWrote() {
		var erased = admin().erasePersonalData(ErasePersonalDataRequest.newBuilder().setSubject(ALICE).build());

		assertThat(erased.getRecordsAnonymised()).isEqualTo(2);
		assertThat(erased.getRecordsDeleted()).isZero();
		assertThat(responses.findAll()).extracting(SurveyResponse::id, SurveyResponse::score, SurveyResponse::contactId,
				SurveyResponse::comment)
			.containsExactlyInAnyOrder(tuple("alice-csat", 2, null, null), tuple("alice-nps", 9, null, null),
					tuple("bo-csat", 5, "bo-2", "Great."), tuple("globex-csat", 1, "alice-1", "Not Alice."));

		var again = admin().erasePersonalData(ErasePersonalDataRequest.newBuilder().setSubject(ALICE).build());
		assertThat(again.getRecordsAnonymised()).isZero();
		var export = admin().exportPersonalData(ExportPersonalDataRequest.newBuilder().setSubject(ALICE).build());
		assertThat(export.getRecords()).isZero();
		assertThat(export.getJson()).isEqualTo("{}");
	}
}
