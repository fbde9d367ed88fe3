package com.rapport.benchmarks.portal;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PortalTests {

	@Test
	void contactsAreSpreadOverTheOrganisationsInTurnWithNamesThatSortByNumber() {
		List<PortalUsers.User> users = PortalUsers.plan(5, List.of("acme-retail", "globex-trading"));

		assertThat(users).extracting(PortalUsers.User::username)
			.containsExactly("bench.portal.01", "bench.portal.02", "bench.portal.03", "bench.portal.04",
					"bench.portal.05");
		assertThat(users).extracting(PortalUsers.User::organisationId)
			.containsExactly("acme-retail", "globex-trading", "acme-retail", "globex-trading", "acme-retail");
	}

	@Test
	void aNewUserIsACustomerOfItsOrganisationWithAPasswordThatNeedsNoChange() {
		Map<String, Object> created = PortalUsers.representation(new PortalUsers.User("bench.portal.07", "acme-retail"),
				"pw", true);
		Map<String, Object> updated = PortalUsers.representation(new PortalUsers.User("bench.portal.07", "acme-retail"),
				"pw", false);

		assertThat(created).containsEntry("attributes", Map.of("customer_id", List.of("acme-retail")))
			.containsEntry("groups", List.of("/customers"))
			.containsEntry("credentials", List.of(Map.of("type", "password", "value", "pw", "temporary", false)))
			.containsEntry("requiredActions", List.of())
			.containsEntry("email", "bench.portal.07@bench.example");
		assertThat(updated).doesNotContainKeys("credentials", "groups")
			.containsEntry("attributes", Map.of("customer_id", List.of("acme-retail")));
	}

	@Test
	void thinkTimeIsBetweenHalfAndOneAndAHalfTimesTheMeanAndRepeatsForTheSameSeed() {
		for (int index = 0; index < 500; index++) {
			assertThat(Portal.HomePage.thinkMillis(2000, 42, index)).isBetween(1000L, 3000L)
				.isEqualTo(Portal.HomePage.thinkMillis(2000, 42, index));
			assertThat(Portal.HomePage.thinkMillis(0, 42, index)).isZero();
		}
		long distinct = java.util.stream.IntStream.range(0, 100)
			.mapToLong(index -> Portal.HomePage.thinkMillis(2000, 42, index))
			.distinct()
			.count();
		assertThat(distinct).isGreaterThan(50);
	}

	@Test
	void onlyThePortalsOrderListCountsAsAnAnswer() {
		String home = "<a class=\"own-organisation-link\" href=\"/portal/organisation\">Your organisation</a>"
				+ "<tr class=\"order-row\" data-order-number=\"ACME-1001\">";
		String empty = "<a class=\"own-organisation-link\">x</a><p class=\"empty\">No orders yet.</p>";
		String unavailable = "<h1>Rapport is busy</h1><p class=\"empty\">Try again</p>";

		assertThat(Portal.HomePage.isHomePage(home)).isTrue();
		assertThat(Portal.HomePage.isHomePage(empty)).isTrue();
		assertThat(Portal.HomePage.isHomePage(unavailable)).isFalse();
	}
}
