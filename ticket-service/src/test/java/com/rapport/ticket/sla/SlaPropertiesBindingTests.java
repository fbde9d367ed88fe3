package com.rapport.ticket.sla;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.tuple;

/** {@code rapport.sla.*} as an operator writes it; what is not set keeps its default. */
class SlaPropertiesBindingTests {

	@Test
	void targetsAtRiskShareAndDefaultTierBindFromConfiguration() {
		var source = new MapConfigurationPropertySource(Map.of("rapport.sla.key.first-response", "2h",
				"rapport.sla.at-risk-percent", "10", "rapport.sla.default-tier", "key"));

		SlaProperties sla = new Binder(source).bindOrCreate("rapport.sla", SlaProperties.class);

		assertThat(sla.policyFor(Tier.KEY).firstResponse()).isEqualTo(Duration.ofHours(2));
		assertThat(sla.policyFor(Tier.KEY).resolution()).isEqualTo(Duration.ofHours(24));
		assertThat(sla.policyFor(Tier.VIP).firstResponse()).isEqualTo(Duration.ofHours(1));
		assertThat(sla.atRiskPercent()).isEqualTo(10);
		assertThat(sla.defaultTier()).isEqualTo(Tier.KEY);
	}

	@Test
	void theStandardCalendarBindsFromItsWorkingHoursAndZone() {
		var source = new MapConfigurationPropertySource(Map.of("rapport.sla.calendar.time-zone", "Europe/Berlin",
				"rapport.sla.calendar.working-hours", "mon-thu 08:30-17:00, FRI 08:30-15:00", "rapport.sla.key.next-reply",
				"90m"));

		SlaProperties sla = new Binder(source).bindOrCreate("rapport.sla", SlaProperties.class);

		assertThat(sla.standardCalendar().timeZone()).isEqualTo("Europe/Berlin");
		assertThat(sla.standardCalendar().hours()).extracting(WorkingHours::day, WorkingHours::from, WorkingHours::to)
			.containsExactly(tuple(DayOfWeek.MONDAY, "08:30", "17:00"), tuple(DayOfWeek.TUESDAY, "08:30", "17:00"),
					tuple(DayOfWeek.WEDNESDAY, "08:30", "17:00"), tuple(DayOfWeek.THURSDAY, "08:30", "17:00"),
					tuple(DayOfWeek.FRIDAY, "08:30", "15:00"));
		assertThat(sla.policyFor(Tier.KEY).nextReply()).isEqualTo(Duration.ofMinutes(90));
		assertThat(sla.policyFor(Tier.VIP).nextReply()).as("as the first response").isEqualTo(Duration.ofHours(1));
	}

	@ParameterizedTest
	@ValueSource(strings = { "MON-FRI", "MON-FRI 9-18", "XYZ 09:00-18:00", "MON 09:00-25:00", "SUN 10:00-10:00" })
	void workingHoursThatAreNotLikeMondayToFridayNineToSixStopStartUp(String hours) {
		assertThatIllegalArgumentException().isThrownBy(() -> new SlaProperties.Calendar("Asia/Shanghai", hours));
	}

	@Test
	void anUnknownTimeZoneStopsStartUp() {
		assertThatExceptionOfType(DateTimeException.class)
			.isThrownBy(() -> new SlaProperties.Calendar("Mars/Olympus", null));
	}
}
