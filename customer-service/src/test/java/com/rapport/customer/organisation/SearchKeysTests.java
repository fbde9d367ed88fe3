package com.rapport.customer.organisation;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SearchKeysTests {

	private static final Contact ALICE = Contact.of("Alice O'Brien-Chen", "Buyer", "Alice.Chen@Acme-Retail.example",
			"+86 21 5555 0101", "en", "Asia/Shanghai", null);

	@Test
	void keysAreLowerCaseWordsAndTheirPunctuationFreeParts() {
		List<String> keys = SearchKeys.of("Acme  Retail", List.of(ALICE));
		assertThat(keys).contains("acme", "retail", "alice", "o'brien-chen", "o", "brien", "chen");
	}

	@Test
	void accentsAreIgnoredOnBothSides() {
		assertThat(SearchKeys.of("Müller Façades", List.of())).contains("muller", "facades");
		assertThat(SearchKeys.queryTerms("MÜLL")).containsExactly("mull");
	}

	@Test
	void emailsAreFoundByAddressDomainAndLocalParts() {
		assertThat(SearchKeys.of("X", List.of(ALICE))).contains("alice.chen@acme-retail.example",
				"acme-retail.example", "alice", "chen");
	}

	@Test
	void phonesAreFoundByAnyRunOfTrailingDigits() {
		List<String> keys = SearchKeys.of("X", List.of(ALICE));
		assertThat(keys).contains("862155550101", "2155550101", "0101").doesNotContain("101");
	}

	@Test
	void aPhoneLikeQueryIsOneTermOfItsDigitsWithoutTheTrunkZero() {
		assertThat(SearchKeys.queryTerms("+86 21 5555-0101")).containsExactly("862155550101");
		assertThat(SearchKeys.queryTerms("(021) 5555 0101")).containsExactly("2155550101");
		assertThat(SearchKeys.queryTerms("0101")).containsExactly("0101");
	}

	@Test
	void chineseNamesAreFoundByAnyTrailingPart() {
		assertThat(SearchKeys.of("阿克米零售", List.of())).contains("阿克米零售", "零售", "米零售");
		assertThat(SearchKeys.queryTerms("零售")).containsExactly("零售");
	}

	@Test
	void aQueryIsCutIntoDistinctWords() {
		assertThat(SearchKeys.queryTerms("  Acme   acme RET ")).containsExactly("acme", "ret");
		assertThat(SearchKeys.queryTerms("   ")).isEmpty();
		assertThat(SearchKeys.queryTerms(null)).isEmpty();
	}

	@Test
	void regexMetacharactersInATermAreEscaped() {
		assertThat(SearchKeys.prefixRegex("a.b+c")).isEqualTo("^a\\.b\\+c");
		assertThat(SearchKeys.prefixRegex("零售")).isEqualTo("^零售");
		assertThat("a.b+cd").matches(SearchKeys.prefixRegex("a.b+c") + ".*");
		assertThat("axb+cd").doesNotMatch(SearchKeys.prefixRegex("a.b+c") + ".*");
	}

	@Test
	void keysFollowTheDataOnEveryChange() {
		Organisation organisation = Organisation.create("a", "Acme Retail", null, "CN");
		assertThat(organisation.searchKeys()).doesNotContain("alice");
		assertThat(organisation.withContacts(List.of(ALICE)).searchKeys()).contains("alice");
	}
}
