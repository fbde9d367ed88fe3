package com.rapport.feedback;

import com.rapport.support.test.ServiceBasicsContract;

import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "rapport.mongodb.embedded.in-memory=true", "spring.grpc.server.port=0",
				"spring.grpc.server.inprocess.name=feedback-service-basics" })
class FeedbackServiceBasicsTests extends ServiceBasicsContract {

	@Override
	protected String apiPath() {
		return "/api/feedback/v1/surveys";
	}
}
