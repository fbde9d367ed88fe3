package com.rapport.ordertracking.notification;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** When an email that falls in a contact's quiet hours may go, in the contact's own time zone. */
class QuietHoursTests {

	static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

	static final QuietHours NIGHT = new QuietHours("22:00", "07:00");

	@Test
	void outsideTheQuietHoursAnEmailGoesAtOnce() {
		Instant afternoon = Instant.parse("2026-11-30T07:00:00Z"); // 15:00 in Shanghai
		assertThat(NIGHT.release(afternoon, SHANGHAI)).isEqualTo(afternoon);
		Instant sevenSharp = Instant.parse("2026-11-30T23:00:00Z"); // 07:00 on 1 December: the end is not quiet
		assertThat(NIGHT.release(sevenSharp, SHANGHAI)).isEqualTo(sevenSharp);
	}

	@Test
	void beforeMidnightItWaitsUntilTheNextMorning() {
		Instant lateEvening = Instant.parse("2026-11-30T15:30:00Z"); // 23:30 on 30 November in Shanghai
		assertThat(NIGHT.release(lateEvening, SHANGHAI)).isEqualTo(Instant.parse("2026-11-30T23:00:00Z"));
		Instant tenSharp = Instant.parse("2026-11-30T14:00:00Z"); // 22:00: the start is quiet
		assertThat(NIGHT.release(tenSharp, SHANGHAI)).isEqualTo(Instant.parse("2026-11-30T23:00:00Z"));
	}

	@Test
	void afterMidnightItWaitsUntilTheSameMorning() {
		Instant night = Instant.parse("2026-11-30T19:00:00Z"); // 03:00 on 1 December in Shanghai
		assertThat(NIGHT.release(night, SHANGHAI)).isEqualTo(Instant.parse("2026-11-30T23:00:00Z"));
	}

	@Test
	void theSameInstantIsQuietInOneZoneAndNotInAnother() {
		Instant instant = Instant.parse("2026-11-30T15:30:00Z"); // 23:30 in Shanghai, 10:30 in New York
		assertThat(NIGHT.release(instant, NEW_YORK)).isEqualTo(instant);
		assertThat(NIGHT.release(instant, SHANGHAI)).isAfter(instant);
	}

	@Test
	void quietHoursWithinOneDayEndTheSameDay() {
		QuietHours lunch = new QuietHours("12:00", "13:30");
		Instant noon = Instant.parse("2026-11-30T17:10:00Z"); // 12:10 in New York
		assertThat(lunch.release(noon, NEW_YORK)).isEqualTo(Instant.parse("2026-11-30T18:30:00Z"));
		Instant evening = Instant.parse("2026-11-30T23:00:00Z"); // 18:00 in New York
		assertThat(lunch.release(evening, NEW_YORK)).isEqualTo(evening);
	}

	@Test
	void theNightTheClocksGoForwardEndsAtTheLocalMorning() {
		// 8 March 2026: New York moves from EST (-5) to EDT (-4) at 02:00; 07:00 that morning is 11:00 UTC.
		Instant night = Instant.parse("2026-03-08T05:30:00Z"); // 00:30 EST
		assertThat(NIGHT.release(night, NEW_YORK)).isEqualTo(Instant.parse("2026-03-08T11:00:00Z"));
		// An end the clock change skips (02:30 does not exist that night) is the first time after it.
		assertThat(new QuietHours("01:00", "02:30").release(Instant.parse("2026-03-08T06:15:00Z"), NEW_YORK))
			.isEqualTo(Instant.parse("2026-03-08T07:30:00Z"));
	}

	@Test
	void theSameStartAndEndAreNoQuietHours() {
		Instant any = Instant.parse("2026-11-30T15:30:00Z");
		assertThat(new QuietHours("08:00", "08:00").release(any, SHANGHAI)).isEqualTo(any);
	}

	@Test
	void aContactWithoutAKnownTimeZoneIsQuietInTheBusinessTimeZone() {
		assertThat(QuietHours.zoneOf("")).isEqualTo(SHANGHAI);
		assertThat(QuietHours.zoneOf("Mars/Olympus")).isEqualTo(SHANGHAI);
		assertThat(QuietHours.zoneOf("Europe/Berlin")).isEqualTo(ZoneId.of("Europe/Berlin"));
	}

	@Test
	void onlyTimesOfDayAreTaken() {
		assertThat(QuietHours.isTime("07:30")).isTrue();
		assertThat(QuietHours.isTime("23:59")).isTrue();
		assertThat(QuietHours.isTime("24:00")).isFalse();
		assertThat(QuietHours.isTime("7:30")).isFalse();
		assertThat(QuietHours.isTime("07:60")).isFalse();
		assertThat(QuietHours.isTime(null)).isFalse();
	}

	@Test
	void incidentNoticesAndExceptionsAreUrgentAndDoNotWait() {
		NotificationPreferences quiet = new NotificationPreferences("o|c", "o", "c",
				java.util.List.of(NotificationTopic.values()), true, NIGHT, Instant.EPOCH);
		Instant night = Instant.parse("2026-11-30T19:00:00Z");
		assertThat(quiet.emailAt("INCIDENT_NOTICE", Map.of(), night, "Asia/Shanghai")).isEqualTo(night);
		assertThat(quiet.emailAt("MILESTONE_REACHED", Map.of("code", "EXCEPTION"), night, "Asia/Shanghai"))
			.isEqualTo(night);
		assertThat(quiet.emailAt("ORDER_DELAYED", Map.of(), night, "Asia/Shanghai"))
			.isEqualTo(Instant.parse("2026-11-30T23:00:00Z"));
		assertThat(quiet.emailAt("MILESTONE_REACHED", Map.of("code", "SHIPPED"), night, "Asia/Shanghai"))
			.isEqualTo(Instant.parse("2026-11-30T23:00:00Z"));
	}
}
