package com.rapport.support.audit;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AuditDetailsTests {

	record Person(String id, String name, String email, List<String> tags, Boolean consent, Long version) {
	}

	@Test
	void onlyTheNamesOfChangedFieldsAreGivenNeverTheirValues() {
		Person before = new Person("p-1", "Alice", "alice@acme.example", List.of(), false, 1L);
		Person after = new Person("p-1", "Alice", "alice.chen@acme.example", List.of("vip"), false, 2L);

		assertThat(AuditDetails.changedFields(before, after, "version")).containsExactly("email", "tags");
		assertThat(AuditDetails.fields(List.of("email", "tags"))).containsExactly(
				java.util.Map.entry(AuditDetails.FIELDS, "email,tags"));
		assertThat(AuditDetails.changedFields(before, before)).isEmpty();
	}

	@Test
	void aNewRecordNamesTheFieldsThatHoldSomething() {
		Person created = new Person("p-1", "Alice", "", List.of(), false, null);
		assertThat(AuditDetails.changedFields(null, created, "id")).containsExactly("name");
	}
}
