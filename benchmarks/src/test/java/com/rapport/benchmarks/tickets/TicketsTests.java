package com.rapport.benchmarks.tickets;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TicketsTests {

	@Test
	void everyThirdTicketIsAComplaintWithItsSeverityAndEveryOneNamesWhoRaisedIt() {
		Map<String, Object> complaint = Tickets.body("acme-retail", "T1", 3);
		Map<String, Object> request = Tickets.body("acme-retail", "T1", 4);

		assertThat(complaint).containsEntry("kind", "COMPLAINT").containsEntry("severity", "MINOR");
		assertThat(request).containsEntry("kind", "REQUEST").doesNotContainKey("severity");
		assertThat(request.get("subject")).isNotEqualTo(complaint.get("subject"));
		assertThat(request).containsKey("requester").containsEntry("category", "DELIVERY");
	}
}
