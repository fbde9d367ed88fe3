package com.rapport.ticket;

import com.rapport.support.test.ServiceBasicsContract;

import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "rapport.mongodb.embedded.in-memory=true", "spring.grpc.server.port=0",
				"spring.grpc.server.inprocess.name=ticket-service-basics" })
class TicketServiceBasicsTests extends ServiceBasicsContract {

	@Override
	protected String apiPath() {
		return "/api/tickets/v1/tickets";
	}
}
