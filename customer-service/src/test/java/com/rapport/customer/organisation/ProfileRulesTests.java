package com.rapport.customer.organisation;

import java.time.LocalDate;
import java.util.List;

import com.rapport.support.error.UnprocessableException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ProfileRulesTests {

	private static ContactInput contact(String email, String phone, String language, String timeZone,
			String birthday, String channel) {
		return new ContactInput("Alice Chen", null, email, phone, language, timeZone, birthday, channel, null, null,
				null, null);
	}

	private static OrganisationInput organisation(String name, String country, String sizeBand, List<String> tags) {
		return new OrganisationInput(null, name, null, sizeBand, country, null, tags, null, null, null, null);
	}

	@ParameterizedTest
	@ValueSource(strings = { "alice@acme.example", "a.b+tag@sub.acme-retail.cn", "o'brien@x.io" })
	void validEmailsAreAccepted(String email) {
		assertThat(ProfileRules.emailProblem(email)).isNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { "alice", "alice@", "@acme.example", "alice@acme", "al ice@acme.example",
			"alice@@acme.example", "alice@acme..example", "alice@-acme.example", "a..b@acme.example" })
	void invalidEmailsAreRejected(String email) {
		assertThat(ProfileRules.emailProblem(email)).isNotNull();
	}

	@Test
	void anEmailLongerThanTheStandardAllowsIsRejected() {
		assertThat(ProfileRules.emailProblem("a".repeat(65) + "@acme.example")).isNotNull();
		assertThat(ProfileRules.emailProblem("a@" + "b".repeat(250) + ".cn")).isNotNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { "+86 21 5555 0101", "021-5555-0101", "(030) 555 0142", "+6565550199", "555014" })
	void validPhonesAreAccepted(String phone) {
		assertThat(ProfileRules.phoneProblem(phone)).isNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { "12345", "+86 21 5555 0101 2222", "phone", "+86 21 5555 010x", "++86 21 5555",
			"86 21 5555 0101 ext 2", "-55550101" })
	void invalidPhonesAreRejected(String phone) {
		assertThat(ProfileRules.phoneProblem(phone)).isNotNull();
	}

	@Test
	void onlyEnglishAndSimplifiedChineseAreKnownLanguages() {
		assertThat(ProfileRules.language("en")).isEqualTo("en");
		assertThat(ProfileRules.language("zh-cn")).isEqualTo("zh-CN");
		assertThat(ProfileRules.language("zh_CN")).isEqualTo("zh-CN");
		assertThat(ProfileRules.language("zh")).isNull();
		assertThat(ProfileRules.language("zh-TW")).isNull();
		assertThat(ProfileRules.language("de")).isNull();
	}

	@Test
	void timeZonesMustBeIanaRegions() {
		assertThat(ProfileRules.isTimeZone("Asia/Shanghai")).isTrue();
		assertThat(ProfileRules.isTimeZone("Europe/Berlin")).isTrue();
		assertThat(ProfileRules.isTimeZone("asia/shanghai")).isFalse();
		assertThat(ProfileRules.isTimeZone("+08:00")).isFalse();
		assertThat(ProfileRules.isTimeZone("CST")).isFalse();
		assertThat(ProfileRules.isTimeZone("Mars/Olympus")).isFalse();
	}

	@Test
	void countriesAreIsoAlpha2CodesInAnyCase() {
		assertThat(ProfileRules.organisation(null, organisation("Acme", " cn ", null, null)).country()).isEqualTo("CN");
		assertThatExceptionOfType(UnprocessableException.class)
			.isThrownBy(() -> ProfileRules.organisation(null, organisation("Acme", "CHN", null, null)))
			.satisfies(ex -> assertThat(ex.fieldErrors()).containsOnlyKeys("country"));
		assertThatExceptionOfType(UnprocessableException.class)
			.isThrownBy(() -> ProfileRules.organisation(null, organisation("Acme", "XX", null, null)));
	}

	@Test
	void everyBadFieldIsNamedInOneAnswer() {
		assertThatExceptionOfType(UnprocessableException.class)
			.isThrownBy(() -> ProfileRules.contact(null, "id",
					new ContactInput(" ", null, "not-an-email", "12", "fr", "Mars/Olympus", "1985-02-30", "fax",
							null, null, "bad id!", null)))
			.satisfies(ex -> assertThat(ex.fieldErrors()).containsOnlyKeys("name", "email", "phone", "language",
					"timeZone", "birthday", "preferredChannel", "externalId"));
		assertThatExceptionOfType(UnprocessableException.class)
			.isThrownBy(() -> ProfileRules.organisation(null,
					new OrganisationInput("Bad Id", null, "x".repeat(101), "HUGE", null, null, List.of("ok", " "),
							"bad manager!", "GONE", "", null)))
			.satisfies(ex -> assertThat(ex.fieldErrors()).containsOnlyKeys("id", "name", "industry", "sizeBand",
					"country", "tags[1]", "accountManager", "status"));
	}

	@Test
	void birthdaysMustBeRealPastDates() {
		assertThat(ProfileRules.contact(null, "id", contact("a@b.cn", null, null, null, "1985-04-12", null)).birthday())
			.isEqualTo(LocalDate.of(1985, 4, 12));
		for (String bad : List.of(LocalDate.now().plusDays(1).toString(), "1899-12-31", "12/04/1985")) {
			assertThatExceptionOfType(UnprocessableException.class)
				.isThrownBy(() -> ProfileRules.contact(null, "id", contact("a@b.cn", null, null, null, bad, null)))
				.satisfies(ex -> assertThat(ex.fieldErrors()).containsOnlyKeys("birthday"));
		}
	}

	@Test
	void aNewContactDefaultsToEnglishByEmailWithoutConsents() {
		Contact created = ProfileRules.contact(null, "c-1", contact("a@b.cn", null, null, null, null, null));
		assertThat(created.id()).isEqualTo("c-1");
		assertThat(created.language()).isEqualTo("en");
		assertThat(created.preferredChannel()).isEqualTo(PreferredChannel.EMAIL);
		assertThat(created.marketingConsent()).isFalse();
		assertThat(created.surveyConsent()).isFalse();
	}

	@Test
	void theChosenChannelNeedsItsAddress() {
		assertThatExceptionOfType(UnprocessableException.class)
			.isThrownBy(() -> ProfileRules.contact(null, "id", contact(null, null, null, null, null, "sms")))
			.satisfies(ex -> assertThat(ex.fieldErrors()).containsOnlyKeys("phone"));
		assertThatExceptionOfType(UnprocessableException.class)
			.isThrownBy(() -> ProfileRules.contact(null, "id", contact(null, "+86 21 5555 0101", null, null, null, null)))
			.satisfies(ex -> assertThat(ex.fieldErrors()).containsOnlyKeys("email"));
		assertThat(ProfileRules.contact(null, "id", contact(null, "+86 21 5555 0101", null, null, null, "PORTAL"))
			.preferredChannel()).isEqualTo(PreferredChannel.PORTAL);
	}

	@Test
	void leftOutFieldsKeepTheirValuesAndEmptyOnesAreCleared() {
		Contact current = new Contact("c-1", "Alice", "Buyer", "a@b.cn", "+86 21 5555 0101", "zh-CN", "Asia/Shanghai",
				LocalDate.of(1985, 4, 12), PreferredChannel.SMS, true, true, "CRM-1", "acme.buyer");
		Contact changed = ProfileRules.contact(current, null,
				new ContactInput(null, "", null, null, null, null, "", null, false, null, null, null));
		assertThat(changed).isEqualTo(new Contact("c-1", "Alice", null, "a@b.cn", "+86 21 5555 0101", "zh-CN",
				"Asia/Shanghai", null, PreferredChannel.SMS, false, true, "CRM-1", "acme.buyer"));
	}

	@Test
	void tagsAreTrimmedDeduplicatedAndBounded() {
		assertThat(ProfileRules.organisation(null, organisation("Acme", "CN", null, List.of(" vip ", "vip", "apparel")))
			.tags()).containsExactly("vip", "apparel");
		assertThatExceptionOfType(UnprocessableException.class)
			.isThrownBy(() -> ProfileRules.organisation(null, organisation("Acme", "CN", null,
					java.util.stream.IntStream.range(0, 21).mapToObj(i -> "t" + i).toList())))
			.satisfies(ex -> assertThat(ex.fieldErrors()).containsOnlyKeys("tags"));
	}

	@Test
	void sizeBandsAndStatusAreReadInAnyCase() {
		Organisation.Profile profile = ProfileRules.organisation(null,
				new OrganisationInput(null, "Acme", null, "enterprise", "CN", null, null, null, "inactive", null, null));
		assertThat(profile.sizeBand()).isEqualTo(SizeBand.ENTERPRISE);
		assertThat(profile.status()).isEqualTo(OrganisationStatus.INACTIVE);
	}

	@Test
	void aNameCannotBeClearedOnChange() {
		Organisation.Profile current = ProfileRules.organisation(null, organisation("Acme", "CN", null, null));
		assertThatExceptionOfType(UnprocessableException.class)
			.isThrownBy(() -> ProfileRules.organisation(current, organisation("  ", null, null, null)))
			.satisfies(ex -> assertThat(ex.fieldErrors()).containsOnlyKeys("name"));
	}
}
