package com.rapport.feedback;

import java.util.List;

import com.rapport.feedback.response.SurveyResponseRepository;
import com.rapport.support.test.FixedClock;
import com.rapport.support.test.TestTokens;
import com.rapport.support.test.openapi.PartnerApiDocumentContract;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;

@SpringBootTest(properties = { "rapport.mongodb.embedded.in-memory=true", "spring.grpc.server.port=0",
		"spring.grpc.server.inprocess.name=feedback-service-openapi", "rapport.relay.enabled=false" })
@AutoConfigureMockMvc
@Import({ TestTokens.DecoderConfiguration.class, FixedClock.class })
class FeedbackPartnerApiDocumentTests extends PartnerApiDocumentContract {

	@Autowired
	SurveyResponseRepository responses;

	@Override
	protected String documentName() {
		return "feedback-v1";
	}

	@Override
	protected List<String> replayOrder() {
		return List.of("recordResponse", "getResponse", "listResponses", "getScores");
	}

	@Override
	protected void prepareExamples() {
		responses.deleteAll();
	}
}
