package com.rapport.support.query;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PrefixRegexTests {

	@Test
	void punctuationIsEscapedOneCharacterAtATimeAndMatchesOnlyItself() {
		assertThat(PrefixRegex.of("tiering-policy.")).isEqualTo("^tiering\\-policy\\.");
		assertThat("tiering-policy.updated").matches(PrefixRegex.of("tiering-policy.") + ".*");
		assertThat("tiering-policyXupdated").doesNotMatch(PrefixRegex.of("tiering-policy.") + ".*");
		assertThat("a\\b(c)[d]*").matches(PrefixRegex.of("a\\b(c)[d]*"));
	}

	@Test
	void lettersDigitsAndOtherScriptsStayAsTheyAre() {
		assertThat(PrefixRegex.of("order7")).isEqualTo("^order7");
		assertThat(PrefixRegex.of("零售")).isEqualTo("^零售");
	}
}
