package com.rapport.benchmarks.customer360;

import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SampleDataTests {

	private static final Pattern PHONE = Pattern.compile("\\+?\\(?[0-9][0-9 ().-]*[0-9]");

	private static final Pattern EMAIL = Pattern.compile("[a-z.]+@[a-z0-9-]+(\\.[a-z]+)+");

	private final SampleData data = new SampleData();

	@Test
	void anOrganisationIsTheSameOnEveryRun() {
		assertThat(new SampleData().organisation(4711)).isEqualTo(data.organisation(4711));
		assertThat(data.organisation(0).externalId()).isEqualTo("bench-000001");
		assertThat(data.organisation(99_999).externalId()).isEqualTo("bench-100000");
	}

	@Test
	void organisationsAreHalfChineseAndHaveOneToThreeValidContacts() {
		List<SampleData.Organisation> organisations = IntStream.range(0, 2000).mapToObj(data::organisation).toList();

		long chinese = organisations.stream().filter(o -> o.profile().country().equals("CN")).count();
		assertThat(chinese).isBetween(900L, 1100L);
		for (SampleData.Organisation organisation : organisations) {
			assertThat(organisation.contacts()).hasSizeBetween(1, 3);
			for (SampleData.Contact contact : organisation.contacts()) {
				assertThat(contact.phone()).matches(PHONE);
				assertThat(contact.phone().replaceAll("[^0-9]", "")).hasSizeBetween(6, 15);
				assertThat(contact.email()).matches(EMAIL);
				assertThat(contact.externalId()).startsWith(organisation.externalId() + "-c");
			}
		}
		assertThat(organisations).extracting(o -> o.profile().name()).anyMatch(name -> name.endsWith("有限公司"))
			.anyMatch(name -> name.endsWith(" Ltd"));
	}

	@Test
	void neighboursShareNoPhoneNumbers() {
		List<String> phones = IntStream.range(0, 5000).mapToObj(data::organisation)
			.flatMap(o -> o.contacts().stream()).map(c -> c.phone().replaceAll("[^0-9]", "")).toList();

		assertThat(phones.stream().distinct().count()).isGreaterThan(phones.size() * 99L / 100);
	}

	@Test
	void termsCoverEveryKindInTurn() {
		List<SampleData.Term> terms = Customer360.terms(data, new Random(42), 1000);

		assertThat(terms).hasSize(100);
		assertThat(terms.subList(0, 5)).extracting(SampleData.Term::kind)
			.containsExactly("organisation-name", "industry", "contact-name", "email", "phone");
		assertThat(terms.get(4).text()).matches("[0-9]{4} [0-9]{4}");
	}

	@Test
	void aBatchItemCarriesTheProfileAndTheContacts() {
		SampleData.Organisation organisation = data.organisation(17);
		SampleData.BatchItem item = organisation.batchItem();

		assertThat(item.externalId()).isEqualTo("bench-000018");
		assertThat(item.name()).isEqualTo(organisation.profile().name());
		assertThat(item.country()).isEqualTo(organisation.profile().country());
		assertThat(item.tags()).isEqualTo(organisation.profile().tags());
		assertThat(item.contacts()).isEqualTo(organisation.contacts());
	}

	@Test
	void emailsAreAscii() {
		assertThat(SampleData.ascii("Müller")).isEqualTo("mueller");
		assertThat(SampleData.ascii("O'Brien")).isEqualTo("obrien");
		assertThat(SampleData.ascii("Chloé")).isEqualTo("chloe");
	}
}
