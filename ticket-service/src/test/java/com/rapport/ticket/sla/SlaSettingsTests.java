package com.rapport.ticket.sla;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.rapport.support.audit.AuditTrail;
import com.rapport.support.error.UnprocessableException;
import com.rapport.support.mongo.EmbeddedMongoAutoConfiguration;
import com.rapport.support.security.Caller;
import com.rapport.support.test.FixedClock;
import com.rapport.ticket.MongoAuditingConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.data.mongodb.test.autoconfigure.DataMongoTest;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.verifyNoInteractions;

/**
 * The policies and calendars in force, as stored by managers or else from the settings (the default office
 * calendar), with the real (embedded) store: who may read and change them, every bad field named, audited.
 */
@DataMongoTest
@Import({ SlaSettings.class, MongoAuditingConfiguration.class, FixedClock.class })
@ImportAutoConfiguration(EmbeddedMongoAutoConfiguration.class)
@TestPropertySource(properties = { "rapport.mongodb.embedded.in-memory=true",
		"rapport.sla.calendar.working-hours=MON-FRI 09:00-18:00", "rapport.sla.calendar.time-zone=Asia/Shanghai" })
class SlaSettingsTests {

	static final Caller MANAGER = new Caller("manager.wang", Set.of(Caller.MANAGER), Set.of(), Optional.empty(),
			"portal-web", "");

	static final Caller AGENT = new Caller("agent.li", Set.of(Caller.AGENT), Set.of(), Optional.empty(), "portal-web", "");

	static final Caller CUSTOMER = new Caller("acme.buyer", Set.of(Caller.CUSTOMER), Set.of(), Optional.of("acme-retail"),
			"portal-web", "");

	static final Caller SERVICE = new Caller("svc", Set.of(Caller.INTERNAL), Set.of(), Optional.empty(), "svc", "");

	@Autowired
	SlaSettings settings;

	@Autowired
	MongoTemplate mongo;

	@MockitoBean
	AuditTrail audit;

	@BeforeEach
	void emptyStore() {
		mongo.dropCollection(SlaPolicy.class);
		mongo.dropCollection(BusinessCalendar.class);
	}

	@Test
	void withNothingStoredTheSettingsAreInForce() {
		List<SlaPolicy> policies = settings.policies(AGENT);

		assertThat(policies).hasSize(12).allSatisfy(p -> {
			assertThat(p.calendarId()).isEqualTo(BusinessCalendar.STANDARD);
			assertThat(p.updatedAt()).isNull();
		});
		assertThat(policies.get(0)).satisfies(p -> {
			assertThat(p.tier()).isEqualTo(Tier.VIP);
			assertThat(p.priority()).isEqualTo(Priority.URGENT);
		});
		assertThat(settings.policy(Tier.NORMAL, Priority.NORMAL)).satisfies(p -> {
			assertThat(p.firstResponse()).isEqualTo(Duration.ofHours(24));
			assertThat(p.nextReply()).isEqualTo(Duration.ofHours(24));
			assertThat(p.resolution()).isEqualTo(Duration.ofHours(48));
		});
		assertThat(settings.calendars(AGENT)).singleElement().satisfies(c -> {
			assertThat(c.id()).isEqualTo(BusinessCalendar.STANDARD);
			assertThat(c.timeZone()).isEqualTo("Asia/Shanghai");
			assertThat(c.hours()).extracting(WorkingHours::day).containsExactly(DayOfWeek.MONDAY, DayOfWeek.TUESDAY,
					DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY);
		});
		assertThat(settings.calendar(null)).as("tickets from before calendars").isEqualTo(BusinessCalendar.ROUND_THE_CLOCK);
	}

	@Test
	void onlyStaffReadTheSettingsAndOnlyManagersAndAdminsChangeThem() {
		assertThatExceptionOfType(AccessDeniedException.class).isThrownBy(() -> settings.policies(CUSTOMER));
		assertThatExceptionOfType(AccessDeniedException.class).isThrownBy(() -> settings.calendars(SERVICE));
		assertThatExceptionOfType(AccessDeniedException.class)
			.isThrownBy(() -> settings.savePolicy(AGENT, policy(Tier.KEY, Priority.HIGH, 60, 60, 480, "")));
		assertThatExceptionOfType(AccessDeniedException.class).isThrownBy(() -> settings.saveCalendar(AGENT, office()));
		verifyNoInteractions(audit);
	}

	@Test
	void aManagersPolicyIsStoredUsedForNewTicketsAndAudited() {
		settings.saveCalendar(MANAGER, office());
		SlaPolicy saved = settings.savePolicy(MANAGER, policy(Tier.KEY, Priority.HIGH, 90, 120, 600, "shanghai-office"));

		assertThat(saved.id()).isEqualTo("KEY-HIGH");
		assertThat(saved.updatedBy()).isEqualTo("manager.wang");
		assertThat(saved.updatedAt()).isEqualTo(FixedClock.NOW);
		assertThat(settings.policy(Tier.KEY, Priority.HIGH)).isEqualTo(saved);
		assertThat(settings.policy(Tier.KEY, Priority.URGENT).updatedAt()).as("the others stay defaults").isNull();
		then(audit).should().record(eq(MANAGER), eq("sla.policy-changed"), eq("sla-policy"), eq("KEY-HIGH"), isNull(),
				eq(Map.of("policy", "KEY-HIGH", "first_response", "PT2H -> PT1H30M", "next_reply", "PT2H -> PT2H",
						"resolution", "PT12H -> PT10H", "calendar", "standard -> shanghai-office")));
	}

	@Test
	void aPolicyThatCannotBeAPromiseIsRefusedNamingEveryBadField() {
		assertThatExceptionOfType(UnprocessableException.class)
			.isThrownBy(() -> settings.savePolicy(MANAGER, policy(null, null, 0, -5, 60 * 24 * 400, "nowhere")))
			.satisfies(ex -> {
				assertThat(ex.reason().code()).isEqualTo("sla.cannot-save-policy");
				assertThat(codes(ex)).containsExactlyInAnyOrderEntriesOf(Map.of("tier", "field.required", "priority",
						"field.required", "firstResponse", "field.required", "nextReply", "sla.target.range",
						"resolution", "sla.target.range", "calendarId", "sla.calendar.unknown"));
			});
		assertThatExceptionOfType(UnprocessableException.class)
			.isThrownBy(() -> settings.savePolicy(MANAGER, policy(Tier.VIP, Priority.LOW, 120, 60, 60, "standard")))
			.satisfies(ex -> assertThat(codes(ex)).containsExactly(
					Map.entry("resolution", "sla.resolution.before-first-response")));
		verifyNoInteractions(audit);
	}

	@Test
	void aCalendarIsStoredWithItsHolidaysInDateOrderAndAudited() {
		BusinessCalendar saved = settings.saveCalendar(MANAGER, office());

		assertThat(saved.holidays()).extracting(Holiday::date).containsExactly(LocalDate.parse("2026-10-01"),
				LocalDate.parse("2026-10-02"));
		assertThat(settings.calendar("shanghai-office")).isEqualTo(saved);
		assertThat(settings.calendars(AGENT)).extracting(BusinessCalendar::id).containsExactly("standard",
				"shanghai-office");
		assertThat(settings.calendar("gone")).as("an unknown calendar counts on the standard one")
			.extracting(BusinessCalendar::id).isEqualTo("standard");
		then(audit).should().record(eq(MANAGER), eq("sla.calendar-changed"), eq("business-calendar"),
				eq("shanghai-office"), isNull(), eq(Map.of("calendar", "shanghai-office", "time_zone", "Asia/Shanghai",
						"working_days", "5", "holidays", "2")));
	}

	@Test
	void aCalendarWithBadFieldsIsRefusedNamingEachOne() {
		BusinessCalendar bad = new BusinessCalendar("Shanghai Office!", " ", "Mars/Olympus",
				List.of(new WorkingHours(DayOfWeek.MONDAY, "09:00", "18:00"),
						new WorkingHours(DayOfWeek.MONDAY, "9:00", "25:00"),
						new WorkingHours(DayOfWeek.TUESDAY, "18:00", "09:00")),
				List.of(new Holiday(LocalDate.parse("2026-10-01"), "国庆节", ""),
						new Holiday(LocalDate.parse("2026-10-01"), "国庆节", "National Day"),
						new Holiday(null, "x".repeat(81), "National Day")),
				null, null);

		assertThatExceptionOfType(UnprocessableException.class).isThrownBy(() -> settings.saveCalendar(MANAGER, bad))
			.satisfies(ex -> {
				assertThat(ex.reason().code()).isEqualTo("sla.cannot-save-calendar");
				assertThat(codes(ex)).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
						Map.entry("id", "sla.calendar.id-format"), Map.entry("name", "field.required"),
						Map.entry("timeZone", "sla.calendar.time-zone"), Map.entry("hours[1].day", "sla.calendar.day-twice"),
						Map.entry("hours[1].from", "sla.calendar.time-format"),
						Map.entry("hours[1].to", "sla.calendar.time-format"),
						Map.entry("hours[2].to", "sla.calendar.end-before-start"),
						Map.entry("holidays[0].nameEn", "field.required"),
						Map.entry("holidays[1].date", "sla.calendar.holiday-twice"),
						Map.entry("holidays[2].date", "field.required"),
						Map.entry("holidays[2].nameZh", "field.too-long")));
			});
		BusinessCalendar idle = new BusinessCalendar("idle", "Idle", "UTC", List.of(), List.of(), null, null);
		assertThatExceptionOfType(UnprocessableException.class).isThrownBy(() -> settings.saveCalendar(MANAGER, idle))
			.satisfies(ex -> assertThat(codes(ex)).containsExactly(Map.entry("hours", "sla.calendar.no-working-time")));
		verifyNoInteractions(audit);
	}

	static BusinessCalendar office() {
		return new BusinessCalendar("shanghai-office", "Shanghai office", "Asia/Shanghai",
				BusinessCalendarTests.weekdays("09:00", "18:00"),
				List.of(new Holiday(LocalDate.parse("2026-10-02"), " 国庆节 ", "National Day"),
						new Holiday(LocalDate.parse("2026-10-01"), "国庆节", "National Day")),
				null, null);
	}

	static SlaPolicy policy(Tier tier, Priority priority, long firstResponse, long nextReply, long resolution,
			String calendarId) {
		return new SlaPolicy(null, tier, priority, Duration.ofMinutes(firstResponse), Duration.ofMinutes(nextReply),
				Duration.ofMinutes(resolution), calendarId, null, null);
	}

	static Map<String, String> codes(UnprocessableException ex) {
		Map<String, String> codes = new LinkedHashMap<>();
		ex.fieldMessages().forEach((field, message) -> codes.put(field, message.code()));
		return codes;
	}
}
