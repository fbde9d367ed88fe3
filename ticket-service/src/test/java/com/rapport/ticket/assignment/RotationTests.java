package com.rapport.ticket.assignment;

import java.util.List;
import java.util.Set;

import com.rapport.ticket.ticket.Category;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The round-robin's edges: where it starts, wrapping round, skipping agents who cannot take a ticket. */
class RotationTests {

	static final List<TeamAgent> TEAM = List.of(agent("ann"), agent("bo"), agent("cai"), agent("dan"));

	@Test
	void theFirstTicketGoesToTheFirstAgentAndEachNextToTheOneAfterTheLast() {
		assertThat(Rotation.next(TEAM, null, a -> true)).map(TeamAgent::userName).contains("ann");
		assertThat(Rotation.next(TEAM, "ann", a -> true)).map(TeamAgent::userName).contains("bo");
		assertThat(Rotation.next(TEAM, "cai", a -> true)).map(TeamAgent::userName).contains("dan");
	}

	@Test
	void afterTheLastAgentItGoesRoundToTheFirst() {
		assertThat(Rotation.next(TEAM, "dan", a -> true)).map(TeamAgent::userName).contains("ann");
	}

	@Test
	void agentsWhoCannotTakeTheTicketAreSkippedAndKeepTheirTurnForLater() {
		Set<String> away = Set.of("bo", "cai");
		assertThat(Rotation.next(TEAM, "ann", a -> !away.contains(a.userName()))).map(TeamAgent::userName)
			.contains("dan");
		// Skipping wraps round too, and may come back to the last one when nobody else can.
		assertThat(Rotation.next(TEAM, "dan", a -> a.userName().equals("dan"))).map(TeamAgent::userName)
			.contains("dan");
	}

	@Test
	void aLastAgentWhoLeftTheTeamStartsTheRoundAgain() {
		assertThat(Rotation.next(TEAM, "gone", a -> true)).map(TeamAgent::userName).contains("ann");
	}

	@Test
	void nobodyWhoCanTakeItAnswersNobodyAndAnEmptyTeamToo() {
		assertThat(Rotation.next(TEAM, "ann", a -> false)).isEmpty();
		assertThat(Rotation.next(List.of(), null, a -> true)).isEmpty();
	}

	@Test
	void skillsFitByCategoryAndLanguageAndAnUnknownOneAsksForNone() {
		TeamAgent billingInEnglish = new TeamAgent("eve", "Eve", List.of(Category.BILLING), List.of("en"), 5, true);

		assertThat(billingInEnglish.skilledFor(Category.BILLING, "en")).isTrue();
		assertThat(billingInEnglish.skilledFor(Category.BILLING, "zh-CN")).isFalse();
		assertThat(billingInEnglish.skilledFor(Category.QUALITY, "en")).isFalse();
		assertThat(billingInEnglish.skilledFor(null, null)).isTrue();
		assertThat(billingInEnglish.skilledFor(Category.BILLING, "EN")).isTrue();
		TeamAgent chinese = new TeamAgent("fu", "Fu", List.of(), List.of("zh-CN"), 5, true);
		assertThat(chinese.skilledFor(Category.QUALITY, "zh")).as("zh is zh-CN's language").isTrue();
		assertThat(chinese.skilledFor(Category.QUALITY, "en")).isFalse();
		assertThat(agent("any").skilledFor(Category.TECHNICAL, "zh-CN")).as("no skills listed: takes all").isTrue();
	}

	private static TeamAgent agent(String name) {
		return new TeamAgent(name, name.toUpperCase(), List.of(), List.of(), 10, true);
	}
}
