package com.rapport.feedback;

import com.rapport.feedback.invitation.ContactDirectory;
import com.rapport.feedback.invitation.Invitation;
import com.rapport.feedback.invitation.InvitedContact;
import com.rapport.feedback.invitation.SignedInContacts;

import com.rapport.support.test.FixedClock;
import java.time.Instant;
import java.util.List;

import com.rapport.feedback.response.Answers;
import com.rapport.feedback.response.ResponseService;
import com.rapport.feedback.response.SurveyResponseRepository;
import com.rapport.support.test.TestTokens;
import com.rapport.support.test.matrix.AuthorizationMatrixContract;
import com.rapport.support.test.matrix.Caller;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;

@SpringBootTest(properties = { "rapport.mongodb.embedded.in-memory=true", "spring.grpc.server.port=0",
		"spring.grpc.server.inprocess.name=feedback-service-matrix" })
@AutoConfigureMockMvc
@Import({ TestTokens.DecoderConfiguration.class, FixedClock.class, FeedbackAuthorizationMatrixTests.NoContacts.class })
class FeedbackAuthorizationMatrixTests extends AuthorizationMatrixContract {

	/** customer-service stood in for: organisation A's contact gave no consent to be asked. */
	@TestConfiguration(proxyBeanMethods = false)
	static class NoContacts {

		@Bean
		@Primary
		ContactDirectory standInContacts() {
			return organisation -> List.of(new InvitedContact("contact-of-a", "Agatha", "agatha@org-a.example", "en", false));
		}

		/** The login of organisation A's customer is contact-of-a; organisation B's is a contact of B. */
		@Bean
		@Primary
		SignedInContacts standInLogins() {
			return caller -> caller.customerId().map(org -> Caller.ORGANISATION_A.equals(org) ? "contact-of-a" : "contact-of-b");
		}
	}

	static final String INVITATION_OF_A = "invitation-of-a";

	static final String SECRET_COMMENT = "A-SECRET-COMPLAINT-4711";

	static final String SECRET_IMPROVEMENT = "A-SECRET-IMPROVEMENT-0815";

	@Autowired
	SurveyResponseRepository responses;

	@Autowired
	ResponseService answers;

	@Autowired
	MongoTemplate mongo;

	@Override
	protected void createRecordsOfOrganisationA() {
		responses.deleteAll();
		mongo.dropCollection(Invitation.class);
		Instant invited = FixedClock.NOW.minusSeconds(3600);
		mongo.insert(new Invitation(INVITATION_OF_A, "CSAT", "TICKET", "ticket-of-a", "T-1001", Caller.ORGANISATION_A,
				"contact-of-a", "Agatha", "agatha@org-a.example", "en", Invitation.Outcome.INVITED, invited,
				invited.plusSeconds(14 * 86400), Invitation.State.SENT, 1, null, null, null, invited, null, null));
		answers.record(Answers.byContact(Answers.withComment(Answers.csat("answer-of-a", Caller.ORGANISATION_A, 2),
				SECRET_COMMENT), "contact-of-a"));
		mongo.dropCollection(com.rapport.feedback.improvement.Improvement.class);
		mongo.insert(new com.rapport.feedback.improvement.Improvement("improvement-of-a", Caller.ORGANISATION_A,
				"Pallets arrive unlabelled", SECRET_IMPROVEMENT, "manager", invited));
	}

	/** The partner routes name organisation A's answer or organisation A. */
	@Override
	protected String pathVariable(String name) {
		return name.equals("customerId") ? Caller.ORGANISATION_A : "answer-of-a";
	}

	@Override
	protected String restBody(String endpoint) {
		return endpoint.startsWith("REST POST") ? """
				{"responseId": "partner-answer-%d", "customerId": "%s", "kind": "NPS", "score": 9}"""
			.formatted(System.nanoTime(), Caller.ORGANISATION_A) : null;
	}

	@Override
	protected String grpcRequest(String fullMethodName) {
		if (fullMethodName.startsWith("rapport.privacy.v1.")) {
			return "{\"subject\": {\"organisationId\": \"" + Caller.ORGANISATION_A + "\", \"contactId\": \"contact-of-a\"}}";
		}
		if (fullMethodName.endsWith("/RequestSurvey")) {
			return "{\"kind\": \"CSAT\", \"subjectType\": \"TICKET\", \"subjectId\": \"ticket-of-a\", \"organisationId\": \""
					+ Caller.ORGANISATION_A + "\", \"contactId\": \"contact-of-a\"}";
		}
		if (fullMethodName.endsWith("/RecordImprovement")) {
			return "{\"improvementId\": \"probe-" + System.nanoTime() + "\", \"customerId\": \"" + Caller.ORGANISATION_A
					+ "\", \"youSaid\": \"Slow answers\", \"weDid\": \"A second shift\"}";
		}
		if (fullMethodName.endsWith("/UpdateSurveySettings")) {
			return "{\"cesAfterTicket\": false, \"cesAfterOrder\": true, \"expectedVersion\": 0}";
		}
		if (fullMethodName.endsWith("/UpdateSurveyTemplates")) {
			return "{\"templates\": [], \"expectedVersion\": 0}";
		}
		if (fullMethodName.endsWith("/AnswerMySurvey")) {
			return "{\"invitationId\": \"" + INVITATION_OF_A + "\", \"score\": 4}";
		}
		if (fullMethodName.endsWith("/CommentMySurvey")) {
			return "{\"invitationId\": \"" + INVITATION_OF_A + "\", \"comment\": \"Quick, thanks\"}";
		}
		if (fullMethodName.endsWith("/AnswerSurvey")) {
			return "{\"token\": \"not-ours.x\", \"score\": 1}";
		}
		if (fullMethodName.endsWith("/GetFeedbackFigures")) {
			return "{\"fromMonth\": \"2026-01\", \"toMonth\": \"2026-12\", \"customerIds\": [\"" + Caller.ORGANISATION_A
					+ "\"]}";
		}
		if (fullMethodName.endsWith("/GetSegmentFigures")) {
			return "{\"fromMonth\": \"2026-01\", \"toMonth\": \"2026-12\", \"segment\": {\"tier\": \"VIP\"}, \"breakdown\": \"region\"}";
		}
		if (fullMethodName.endsWith("/ListScoreFacts")) {
			return "{\"customerIds\": [\"" + Caller.ORGANISATION_A + "\"]}";
		}
		return fullMethodName.endsWith("/GetCustomerScores") ? "{\"customerId\": \"" + Caller.ORGANISATION_A + "\"}" : "{}";
	}

	@Override
	protected List<String> secretsOfOrganisationA() {
		return List.of(SECRET_COMMENT, "T-1001", SECRET_IMPROVEMENT);
	}
}
