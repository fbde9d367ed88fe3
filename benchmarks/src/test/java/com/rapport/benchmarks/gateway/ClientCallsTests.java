package com.rapport.benchmarks.gateway;

import java.math.BigDecimal;
import java.time.Instant;

import com.rapport.benchmarks.harness.Json;
import com.rapport.benchmarks.orders.PartnerOrders;
import com.rapport.partner.orders.ApiClient;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** The typed client sends the order the other scenarios send as raw JSON: the figures stay comparable. */
class ClientCallsTests {

	@Test
	void theTypedOrderIsTheHarnessesPlacedOrder() throws Exception {
		for (int variant : new int[] { 0, 1, 2, 1234 }) {
			JsonNode sent = Json.read(ApiClient.createDefaultObjectMapper()
				.writeValueAsString(ClientCalls.order("acme-retail", "G-1", variant)));
			JsonNode raw = Json.read(Json.write(
					PartnerOrders.body("acme-retail", "G-1", Instant.now(), PartnerOrders.Stage.PLACED, variant)));

			assertThat(sent.get("customerId").asString()).isEqualTo("acme-retail");
			assertThat(sent.get("orderNumber").asString()).isEqualTo("G-1");
			assertThat(sent.get("lines")).as("variant %d", variant).isEqualTo(raw.get("lines"));
			assertThat(sent.get("promisedDate")).isEqualTo(raw.get("promisedDate"));
			assertThat(new BigDecimal(sent.get("total").get("amount").asString()))
				.isEqualByComparingTo(new BigDecimal(raw.get("total").get("amount").asString()));
			assertThat(sent.get("milestones").get(0).get("code").asString()).isEqualTo("PLACED");
		}
	}
}
