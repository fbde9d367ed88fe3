package com.rapport.customer.organisation;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import org.bson.Document;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** What the service relies on from its store; run against the embedded server and a real MongoDB. */
abstract class OrganisationRepositoryContract {

	@Autowired
	OrganisationRepository organisations;

	@Autowired
	MongoTemplate template;

	@BeforeEach
	void empty() {
		organisations.deleteAll();
	}

	@Test
	void savedOrganisationIsReadBackWithItsAuditDates() {
		organisations.save(Organisation.create("acme-retail", "Acme Retail", "Retail", "CN", Contact.of("Alice Chen",
				"Buyer", "alice@acme.example", "+86 21 5555 0101", "zh-CN", "Asia/Shanghai", "acme.buyer")));
		Organisation read = organisations.findById("acme-retail").orElseThrow();
		assertThat(read.contacts()).singleElement().satisfies(contact -> {
			assertThat(contact.name()).isEqualTo("Alice Chen");
			assertThat(contact.timeZone()).isEqualTo("Asia/Shanghai");
			assertThat(contact.username()).isEqualTo("acme.buyer");
		});
		assertThat(read.name()).isEqualTo("Acme Retail");
		assertThat(read.tier()).isEqualTo(Tier.NORMAL);
		assertThat(read.lifecycleStage()).isEqualTo(LifecycleStage.PROSPECT);
		assertThat(read.createdAt()).isNotNull();
		assertThat(read.version()).isZero();
	}

	@Test
	void anIdIsTakenOnceAnOrganisationHasIt() {
		assertThat(organisations.hasId("acme-retail")).isFalse();
		organisations.save(Organisation.create("acme-retail", "Acme Retail", "Retail", "CN"));

		assertThat(organisations.hasId("acme-retail")).isTrue();
		assertThat(organisations.hasId("acme")).isFalse();
		assertThat(organisations.hasId("ACME-RETAIL")).isFalse();
	}

	@Test
	void organisationsArePagedByName() {
		organisations.save(Organisation.create("c", "Cyberdyne", null, "US"));
		organisations.save(Organisation.create("a", "Acme Retail", null, "CN"));
		organisations.save(Organisation.create("b", "Globex Trading", null, "SG"));
		var first = organisations.findAllByOrderByNameAsc(PageRequest.of(0, 2));
		assertThat(first.getContent()).extracting(Organisation::name).containsExactly("Acme Retail", "Cyberdyne");
		assertThat(first.getTotalElements()).isEqualTo(3);
		assertThat(organisations.findAllByOrderByNameAsc(PageRequest.of(1, 2)).getContent())
			.extracting(Organisation::name).containsExactly("Globex Trading");
	}

	@Test
	void aStaleUpdateIsRejected() {
		Organisation saved = organisations.save(Organisation.create("acme-retail", "Acme Retail", "Retail", "CN"));
		organisations.save(saved);
		assertThat(org.junit.jupiter.api.Assertions.assertThrows(RuntimeException.class, () -> organisations.save(saved)))
			.isInstanceOf(org.springframework.dao.OptimisticLockingFailureException.class);
	}

	private static Organisation withExternalId(String id, String name, String externalId) {
		return Organisation.create(id, name, null, "CN").withProfile(new Organisation.Profile(name, null, null, "CN",
				null, List.of(), null, OrganisationStatus.ACTIVE, externalId));
	}

	private List<String> names(String query) {
		return organisations.search(SearchKeys.queryTerms(query), null, PageRequest.of(0, 50)).getContent().stream()
			.map(Organisation::name).toList();
	}

	private void saveSearchFixture() {
		organisations.save(Organisation.create("acme-retail", "Acme Retail", "Retail", "CN",
				Contact.of("Alice Chen", "Buyer", "alice.chen@acme-retail.example", "+86 21 5555 0101", "zh-CN",
						"Asia/Shanghai", null)));
		organisations.save(Organisation.create("globex-trading", "Globex Trading", "Wholesale", "SG",
				Contact.of("Gavin Wu", "Director", "gavin.wu@globex.example", "+65 6555 0199", "en", "Asia/Singapore",
						null)));
		organisations.save(Organisation.create("mueller", "Müller Façades", null, "DE"));
		organisations.save(Organisation.create("acme-zh", "阿克米零售", null, "CN"));
	}

	@Test
	void searchFindsOrganisationsByNameCaseInsensitivelyAndByPrefix() {
		saveSearchFixture();
		assertThat(names("acme")).containsExactly("Acme Retail");
		assertThat(names("RET")).containsExactly("Acme Retail");
		assertThat(names("muller")).containsExactly("Müller Façades");
		assertThat(names("零售")).containsExactly("阿克米零售");
		assertThat(names("etail")).isEmpty();
	}

	@Test
	void searchFindsOrganisationsByContactNameEmailAndPhone() {
		saveSearchFixture();
		assertThat(names("gavin")).containsExactly("Globex Trading");
		assertThat(names("wu")).containsExactly("Globex Trading");
		assertThat(names("alice.chen@acme")).containsExactly("Acme Retail");
		assertThat(names("globex.example")).containsExactly("Globex Trading");
		assertThat(names("+86 21 5555 0101")).containsExactly("Acme Retail");
		assertThat(names("021 5555 0101")).containsExactly("Acme Retail");
		assertThat(names("555 01")).containsExactly("Acme Retail", "Globex Trading");
		assertThat(names("0199")).containsExactly("Globex Trading");
	}

	@Test
	void everyWordOfASearchMustMatch() {
		saveSearchFixture();
		assertThat(names("acme alice")).containsExactly("Acme Retail");
		assertThat(names("acme gavin")).isEmpty();
	}

	@Test
	void searchCharactersThatMeanSomethingInARegexAreTakenLiterally() {
		saveSearchFixture();
		assertThat(names(".*")).isEmpty();
		assertThat(names("a.c")).isEmpty();
		assertThat(names("(acme")).isEmpty();
	}

	@Test
	void searchIsPagedByNameAndCounted() {
		IntStream.range(0, 5).forEach(i -> organisations.save(Organisation.create("org-" + i, "Acme " + (4 - i), null, "CN")));
		var first = organisations.search(List.of("acme"), null, PageRequest.of(0, 2));
		assertThat(first.getContent()).extracting(Organisation::name).containsExactly("Acme 0", "Acme 1");
		assertThat(first.getTotalElements()).isEqualTo(5);
		assertThat(organisations.search(List.of("acme"), null, PageRequest.of(2, 2)).getContent())
			.extracting(Organisation::name).containsExactly("Acme 4");
	}

	@Test
	void searchLimitedToOneOrganisationFindsNothingElse() {
		saveSearchFixture();
		assertThat(organisations.search(List.of("gavin"), "acme-retail", PageRequest.of(0, 10))).isEmpty();
		assertThat(organisations.search(List.of("alice"), "acme-retail", PageRequest.of(0, 10)).getContent())
			.extracting(Organisation::id).containsExactly("acme-retail");
		assertThat(organisations.search(List.of(), "acme-retail", PageRequest.of(0, 10)).getTotalElements()).isOne();
	}

	@Test
	void searchOverTwoThousandOrganisationsFindsExactlyTheMatches() {
		List<Organisation> many = new ArrayList<>();
		for (int i = 0; i < 2_000; i++) {
			String n = String.format("%04d", i);
			many.add(Organisation.create("org-" + n, "Company " + n, null, "CN", Contact.of("Person " + n, null,
					"person" + n + "@company" + n + ".example", "+86 10 8888 " + n, "en", "Asia/Shanghai", null)));
		}
		organisations.saveAll(many);
		assertThat(names("company 1234")).containsExactly("Company 1234");
		assertThat(organisations.search(SearchKeys.queryTerms("company 12"), null, PageRequest.of(0, 200))
			.getTotalElements()).isEqualTo(100); // 1200 to 1299; phone suffixes are at least four digits
		assertThat(names("person1999@company1999")).containsExactly("Company 1999");
		assertThat(names("8888 0042")).containsExactly("Company 0042");
		assertThat(organisations.search(SearchKeys.queryTerms("nobody"), null, PageRequest.of(0, 10))).isEmpty();
	}

	@Test
	void externalIdsAreUniqueButManyOrganisationsMayHaveNone() {
		organisations.save(Organisation.create("a", "A", null, "CN"));
		organisations.save(Organisation.create("b", "B", null, "CN"));
		organisations.save(withExternalId("c", "C", "CRM-1"));
		assertThat(organisations.findByExternalId("CRM-1")).map(Organisation::id).contains("c");
		assertThatExceptionOfType(DuplicateKeyException.class)
			.isThrownBy(() -> organisations.insert(withExternalId("d", "D", "CRM-1")));
	}

	@Test
	void contactsKeepTheirProfileAndBirthdaysAreStoredAsDates() {
		Contact alice = new Contact("c-1", "Alice", "Buyer", "a@acme.example", "+86 21 5555 0101", "zh-CN",
				"Asia/Shanghai", LocalDate.of(1986, 4, 12), PreferredChannel.SMS, true, false, "CRM-C1", "acme.buyer");
		organisations.save(Organisation.create("acme-retail", "Acme Retail", null, "CN", alice));
		assertThat(organisations.findById("acme-retail").orElseThrow().contacts()).containsExactly(alice);
		Document raw = template.getCollection("organisations").find(new Document("_id", "acme-retail")).first();
		assertThat(raw.getList("contacts", Document.class).get(0).get("birthday")).isEqualTo("1986-04-12");
	}

	@Test
	void anOrganisationStoredBeforeProfilesAndContactIdsReadsWithDefaultsAndStableIds() {
		template.getCollection("organisations").insertOne(new Document("_id", "old").append("name", "Old Co")
			.append("country", "CN").append("tier", "NORMAL").append("lifecycleStage", "PROSPECT")
			.append("version", 0L).append("contacts", List.of(new Document("name", "Ann").append("email", "ann@old.example"))));
		Organisation read = organisations.findById("old").orElseThrow();
		assertThat(read.status()).isEqualTo(OrganisationStatus.ACTIVE);
		assertThat(read.tags()).isEmpty();
		assertThat(read.contacts()).singleElement().satisfies(contact -> {
			assertThat(contact.preferredChannel()).isEqualTo(PreferredChannel.EMAIL);
			assertThat(contact.marketingConsent()).isFalse();
			assertThat(contact.id()).isEqualTo(organisations.findById("old").orElseThrow().contacts().get(0).id());
		});
		assertThat(read.searchKeys()).contains("old", "ann");
	}

	@Test
	void anOrganisationStoredBeforeSearchIsFoundAfterTheStartUpBackfill() {
		template.getCollection("organisations").insertOne(new Document("_id", "old").append("name", "Old Co")
			.append("country", "CN").append("version", 0L)
			.append("contacts", List.of(new Document("name", "Ann Lee").append("phone", "+86 10 8888 0001"))));
		organisations.save(Organisation.create("new", "New Co", null, "CN"));
		assertThat(names("old")).isEmpty();
		new DerivedKeysBackfill(organisations, template).run(null);
		assertThat(names("old")).containsExactly("Old Co");
		assertThat(names("8888 0001")).containsExactly("Old Co");
		assertThat(organisations.findTop200BySearchKeysIsNull()).isEmpty();
		assertThat(organisations.findById("old").orElseThrow().version()).as("only derived fields written").isZero();
	}

	@Test
	void aContactsBirthdayStoredBeforeBirthdayKeysIsGreetedAfterTheStartUpBackfill() {
		template.getCollection("organisations").insertOne(new Document("_id", "old").append("name", "Old Co")
			.append("country", "DE").append("version", 0L).append("searchKeys", List.of("old", "co"))
			.append("contacts", List.of(new Document("name", "Ann Lee").append("birthday", "1986-04-12"))));
		Set<MonthDay> april12 = Set.of(MonthDay.of(4, 12));
		assertThat(organisations.celebrating(april12, Set.of(), false, null, 10)).isEmpty();

		new DerivedKeysBackfill(organisations, template).run(null);

		assertThat(organisations.celebrating(april12, Set.of(), false, null, 10)).extracting(Organisation::id)
			.containsExactly("old");
		organisations.save(Organisation.create("none", "None", null, "DE"));
		assertThat(organisations.findTop200ByBirthdayKeysIsNull()).as("no birthday is an empty list, not a missing one")
			.isEmpty();
	}

	@Test
	void organisationsWithABirthdayOrInAHolidaysCountryAreFoundForTheGreetingsActiveOnesOnlyAndPagedById() {
		organisations.save(Organisation.create("a-birthday", "A", null, "US", contact("Ann", LocalDate.of(1980, 11, 30))));
		organisations.save(Organisation.create("b-leap", "B", null, "US", contact("Ben", LocalDate.of(1992, 2, 29))));
		organisations.save(Organisation.create("c-china", "C", null, "CN", contact("Cai", null)));
		organisations.save(Organisation.create("d-other", "D", null, "DE", contact("Dora", LocalDate.of(1980, 12, 30))));
		Organisation inactive = organisations.save(Organisation.create("e-inactive", "E", null, "CN",
				contact("Eve", LocalDate.of(1980, 11, 30))));
		organisations.save(inactive.withProfile(new Organisation.Profile("E", null, null, "CN", null, List.of(), null,
				OrganisationStatus.INACTIVE, null)));
		// Stored before organisations had a status: active.
		template.getCollection("organisations").insertOne(new Document("_id", "f-old").append("name", "F")
			.append("country", "CN").append("contacts", List.of()));
		Set<MonthDay> days = Set.of(MonthDay.of(11, 30), MonthDay.of(2, 29));

		assertThat(organisations.celebrating(days, Set.of("CN"), false, null, 10)).extracting(Organisation::id)
			.containsExactly("a-birthday", "b-leap", "c-china", "f-old");
		assertThat(organisations.celebrating(days, Set.of(), false, "a-birthday", 10)).extracting(Organisation::id)
			.containsExactly("b-leap");
		assertThat(organisations.celebrating(Set.of(), Set.of("CN"), false, null, 1)).extracting(Organisation::id)
			.containsExactly("c-china");
		assertThat(organisations.celebrating(Set.of(), Set.of(), true, null, 10)).extracting(Organisation::id)
			.containsExactly("a-birthday", "b-leap", "c-china", "d-other", "f-old");
		assertThat(organisations.celebrating(Set.of(), Set.of(), false, null, 10)).isEmpty();
	}

	private static Contact contact(String name, LocalDate birthday) {
		return new Contact(null, name, null, null, null, "en", "UTC", birthday, PreferredChannel.EMAIL, true, false, null,
				null);
	}
}
