package com.rapport.ticket;

import com.rapport.support.test.TestTokens;
import com.rapport.support.test.matrix.PlatformEndpointsOnlyContract;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;

/** Guards the service's endpoints as they arrive: so far only the audit trail and personal data every service has. */
@SpringBootTest(properties = { "rapport.mongodb.embedded.in-memory=true", "spring.grpc.server.port=0",
		"spring.grpc.server.inprocess.name=ticket-service-matrix" })
@AutoConfigureMockMvc
@Import(TestTokens.DecoderConfiguration.class)
class TicketAuthorizationMatrixTests extends PlatformEndpointsOnlyContract {
}
