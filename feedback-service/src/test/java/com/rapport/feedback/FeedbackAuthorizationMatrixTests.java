package com.rapport.feedback;

import java.util.List;

import com.rapport.support.test.TestTokens;
import com.rapport.support.test.matrix.AuthorizationMatrixContract;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;

/** Guards the service's endpoints as they arrive; it has none of its own yet. */
@SpringBootTest(properties = { "rapport.mongodb.embedded.in-memory=true", "spring.grpc.server.port=0",
		"spring.grpc.server.inprocess.name=feedback-service-matrix" })
@AutoConfigureMockMvc
@Import(TestTokens.DecoderConfiguration.class)
class FeedbackAuthorizationMatrixTests extends AuthorizationMatrixContract {

	@Override
	protected void createRecordsOfOrganisationA() {
		// no records yet
	}

	@Override
	protected String pathVariable(String name) {
		throw new IllegalArgumentException("No routes take {" + name + "} yet");
	}

	@Override
	protected String restBody(String endpoint) {
		return null;
	}

	@Override
	protected String grpcRequest(String fullMethodName) {
		return "{}";
	}

	@Override
	protected List<String> secretsOfOrganisationA() {
		return List.of();
	}
}
