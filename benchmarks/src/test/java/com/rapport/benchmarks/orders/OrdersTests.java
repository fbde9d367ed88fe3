package com.rapport.benchmarks.orders;

import org.junit.jupiter.api.Test;

import com.rapport.benchmarks.harness.Json;

import static org.assertj.core.api.Assertions.assertThat;

class OrdersTests {

	@Test
	void aPageMustBeTheOrganisationsNewestOrdersWithItsCount() {
		String page = """
				{"items": [{"customerId": "bench-org-00001", "placedAt": "2026-11-20T00:00:00Z"},
				           {"customerId": "bench-org-00001", "placedAt": "2026-10-01T00:00:00Z"}],
				 "page": 0, "size": 2, "total": 98}""";
		assertThat(Orders.check(Json.read(page), "bench-org-00001", 98, 2)).isNull();
		assertThat(Orders.check(Json.read(page), "bench-org-00001", 99, 2)).isEqualTo("total is not the organisation's count");
		assertThat(Orders.check(Json.read(page), "bench-org-00001", 98, 5)).isEqualTo("not a full page");
		assertThat(Orders.check(Json.read(page), "bench-org-00002", 98, 2)).isEqualTo("another organisation's order");
		assertThat(Orders.check(Json.read(page.replace("2026-10-01", "2026-11-30")), "bench-org-00001", 98, 2))
			.isEqualTo("not newest first");
	}
}
