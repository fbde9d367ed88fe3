package com.rapport.portal.web;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;

import com.google.protobuf.Timestamp;
import com.rapport.contracts.ordertracking.v1.Money;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import static org.assertj.core.api.Assertions.assertThat;

class FormatsTests {

	static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	/** 2025-12-01 02:30 UTC: 10:30 the same day in Shanghai, 21:30 the day before in New York. */
	static final Timestamp MORNING_IN_SHANGHAI = timestamp(Instant.parse("2025-12-01T02:30:00Z"));

	final Formats formats = new Formats(new PortalProperties(SHANGHAI));

	@AfterEach
	void reset() {
		LocaleContextHolder.resetLocaleContext();
		SecurityContextHolder.clearContext();
	}

	@Test
	void moneyShowsTheCurrencysMinorUnitsWithGrouping() {
		LocaleContextHolder.setLocale(Locale.ENGLISH);

		assertThat(formats.money(money("CNY", 1_250_000))).isEqualTo("CNY 12,500.00");
		assertThat(formats.money(money("USD", 5))).isEqualTo("USD 0.05");
	}

	@Test
	void moneyInACurrencyWithoutMinorUnitsHasNoDecimals() {
		LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);

		assertThat(formats.money(money("JPY", 1_250_000))).isEqualTo("JPY 1,250,000");
	}

	@Test
	void anAmountInACurrencyShowsThatCurrencysMinorDigits() {
		LocaleContextHolder.setLocale(Locale.ENGLISH);

		assertThat(formats.amount("1321200.5", "CNY")).isEqualTo("1,321,200.50");
		assertThat(formats.amount("1000000", "CNY")).isEqualTo("1,000,000.00");
		assertThat(formats.amount("1250000", "JPY")).isEqualTo("1,250,000");
		assertThat(formats.amount("12.5", "KWD")).isEqualTo("12.500");
	}

	@Test
	void countryIsNamedInTheViewersLanguage() {
		LocaleContextHolder.setLocale(Locale.ENGLISH);
		assertThat(formats.country("CN")).isEqualTo("China");
		assertThat(formats.country("DE")).isEqualTo("Germany");

		LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
		assertThat(formats.country("CN")).isEqualTo("中国");
		assertThat(formats.country("DE")).isEqualTo("德国");
	}

	@Test
	void unknownOrMissingCountryIsShownAsGiven() {
		LocaleContextHolder.setLocale(Locale.ENGLISH);

		assertThat(formats.country("XQ")).isEqualTo("XQ");
		assertThat(formats.country("")).isEmpty();
		assertThat(formats.country(null)).isEmpty();
	}

	@Test
	void moneyWithoutACurrencyIsBlank() {
		assertThat(formats.money(Money.getDefaultInstance())).isEmpty();
		assertThat(formats.money(null)).isEmpty();
	}

	@Test
	void dateIsWrittenInTheViewersLanguage() {
		LocaleContextHolder.setLocale(Locale.ENGLISH);
		assertThat(formats.date("2025-12-10")).isEqualTo("Dec 10, 2025");

		LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
		assertThat(formats.date("2025-12-10")).isEqualTo("2025年12月10日");
	}

	@Test
	void missingDatesAreBlank() {
		assertThat(formats.date("")).isEmpty();
		assertThat(formats.date(null)).isEmpty();
		assertThat(formats.dateTime(Timestamp.getDefaultInstance())).isEmpty();
		assertThat(formats.dateTime(null)).isEmpty();
	}

	@Test
	void dateTimeIsShownInTheDefaultZoneWhenTheTokenNamesNone() {
		signIn(null);
		LocaleContextHolder.setLocale(Locale.ENGLISH);
		assertThat(formats.zone()).isEqualTo(SHANGHAI);
		assertThat(formats.dateTime(MORNING_IN_SHANGHAI)).startsWith("Dec 1, 2025").contains("10:30");

		LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
		assertThat(formats.dateTime(MORNING_IN_SHANGHAI)).startsWith("2025年12月1日").contains("10:30");
	}

	@Test
	void zoneinfoClaimOverridesTheDefaultZone() {
		signIn("America/New_York");
		LocaleContextHolder.setLocale(Locale.ENGLISH);

		assertThat(formats.zone()).isEqualTo(ZoneId.of("America/New_York"));
		assertThat(formats.dateTime(MORNING_IN_SHANGHAI)).startsWith("Nov 30, 2025").contains("9:30");
	}

	@Test
	void invalidZoneinfoFallsBackToTheDefaultZone() {
		signIn("Mars/Olympus_Mons");

		assertThat(formats.zone()).isEqualTo(SHANGHAI);
	}

	@Test
	void withoutASignedInUserTheDefaultZoneApplies() {
		assertThat(formats.zone()).isEqualTo(SHANGHAI);
	}

	@Test
	void defaultZoneIsUtcWhenNoneIsConfigured() {
		assertThat(new PortalProperties(null).defaultTimeZone()).isEqualTo(ZoneId.of("UTC"));
	}

	static void signIn(String zoneinfo) {
		Jwt.Builder jwt = Jwt.withTokenValue("token").header("alg", "none").subject("contact");
		if (zoneinfo != null) {
			jwt.claim("zoneinfo", zoneinfo);
		}
		SecurityContextHolder.getContext().setAuthentication(new JwtAuthenticationToken(jwt.build()));
	}

	static Money money(String currency, long minorUnits) {
		return Money.newBuilder().setCurrency(currency).setMinorUnits(minorUnits).build();
	}

	static Timestamp timestamp(Instant instant) {
		return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).setNanos(instant.getNano()).build();
	}
}
