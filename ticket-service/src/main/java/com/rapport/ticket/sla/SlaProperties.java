package com.rapport.ticket.sla;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;

/**
 * {@code rapport.sla.*}: the default targets per tier (for priority NORMAL, and LOW; HIGH gets half of each,
 * URGENT a quarter), in working time of the standard calendar, which these settings also define; the share
 * of a target left below which a ticket is at risk, and the tier assumed when customer-service cannot say and
 * no tier is known from before. Managers' policies and calendars stored in the service override these
 * defaults (see {@link SlaSettings}).
 *
 * @param atRiskPercent whole percent of a running target's length, 1 to 99 (default 25)
 * @param defaultTier   default {@code normal}
 * @param calendar      the standard calendar: its time zone and working hours
 */
@ConfigurationProperties("rapport.sla")
public record SlaProperties(Targets vip, Targets key, Targets normal, Integer atRiskPercent, Tier defaultTier,
		Calendar calendar) {

	@ConstructorBinding
	public SlaProperties {
		vip = Targets.orDefault(vip, Duration.ofHours(1), Duration.ofHours(8));
		key = Targets.orDefault(key, Duration.ofHours(4), Duration.ofHours(24));
		normal = Targets.orDefault(normal, Duration.ofHours(24), Duration.ofHours(48));
		atRiskPercent = atRiskPercent == null ? 25 : atRiskPercent;
		if (atRiskPercent < 1 || atRiskPercent > 99) {
			throw new IllegalArgumentException("rapport.sla.at-risk-percent must lie between 1 and 99");
		}
		defaultTier = defaultTier == null ? Tier.NORMAL : defaultTier;
		calendar = calendar == null ? new Calendar(null, null) : calendar;
		// Fails start-up on a target that cannot be a promise (zero, negative, resolution before response).
		SlaPolicy.check("vip", vip.firstResponse(), vip.nextReply(), vip.resolution());
		SlaPolicy.check("key", key.firstResponse(), key.nextReply(), key.resolution());
		SlaPolicy.check("normal", normal.firstResponse(), normal.nextReply(), normal.resolution());
	}

	/** These defaults with other targets (tests). */
	public SlaProperties(Targets vip, Targets key, Targets normal, Integer atRiskPercent, Tier defaultTier) {
		this(vip, key, normal, atRiskPercent, defaultTier, null);
	}

	/**
	 * The defaults: VIP 1 h / 8 h, key 4 h / 24 h, normal 24 h / 48 h working time (first response / resolution;
	 * the next reply as the first response), Monday to Friday 09:00–18:00 Asia/Shanghai, at risk under 25 %,
	 * normal assumed.
	 */
	public static SlaProperties defaults() {
		return new SlaProperties(null, null, null, null, null, null);
	}

	/** The NORMAL-priority default policy of a tier. */
	public SlaPolicy policyFor(Tier tier) {
		return defaultPolicy(tier, Priority.NORMAL);
	}

	/**
	 * The default policy of a tier and priority on the standard calendar: the tier's targets for NORMAL and LOW
	 * (a low priority is no reason to promise less than the tier's promise), half of each for HIGH, a quarter
	 * for URGENT.
	 */
	public SlaPolicy defaultPolicy(Tier tier, Priority priority) {
		Targets targets = switch (tier) {
			case VIP -> vip;
			case KEY -> key;
			case NORMAL -> normal;
		};
		int divisor = switch (priority) {
			case LOW, NORMAL -> 1;
			case HIGH -> 2;
			case URGENT -> 4;
		};
		return SlaPolicy.of(tier, priority, targets.firstResponse().dividedBy(divisor),
				targets.nextReply().dividedBy(divisor), targets.resolution().dividedBy(divisor), BusinessCalendar.STANDARD);
	}

	/** The standard calendar as these settings define it (no holidays: managers add them). */
	public BusinessCalendar standardCalendar() {
		return new BusinessCalendar(BusinessCalendar.STANDARD, "Standard", calendar.timeZone(), calendar.hours(),
				List.of(), null, null);
	}

	/** A tier's targets; a missing one takes its default (the next reply: the first response's). */
	public record Targets(Duration firstResponse, Duration resolution, Duration nextReply) {

		@ConstructorBinding
		public Targets {
		}

		public Targets(Duration firstResponse, Duration resolution) {
			this(firstResponse, resolution, null);
		}

		static Targets orDefault(Targets targets, Duration firstResponse, Duration resolution) {
			if (targets == null) {
				return new Targets(firstResponse, resolution, firstResponse);
			}
			Duration response = targets.firstResponse == null ? firstResponse : targets.firstResponse;
			return new Targets(response, targets.resolution == null ? resolution : targets.resolution,
					targets.nextReply == null ? response : targets.nextReply);
		}
	}

	/**
	 * The standard calendar: {@code timeZone} (default Asia/Shanghai) and {@code workingHours}, such as
	 * {@code MON-FRI 09:00-18:00} (the default) or {@code MON-FRI 08:30-17:30, SAT 09:00-12:00}; a bad value
	 * stops start-up.
	 */
	public record Calendar(String timeZone, String workingHours) {

		public Calendar {
			timeZone = timeZone == null || timeZone.isBlank() ? "Asia/Shanghai" : timeZone.strip();
			ZoneId.of(timeZone);
			workingHours = workingHours == null || workingHours.isBlank() ? "MON-FRI 09:00-18:00" : workingHours.strip();
			if (hoursOf(workingHours).stream().noneMatch(h -> h.toMinute() > h.fromMinute())) {
				throw new IllegalArgumentException("rapport.sla.calendar.working-hours has no working time");
			}
		}

		/** The working hours per weekday {@code workingHours} names. */
		List<WorkingHours> hours() {
			return hoursOf(workingHours);
		}

		private static List<WorkingHours> hoursOf(String workingHours) {
			List<WorkingHours> hours = new ArrayList<>();
			for (String part : workingHours.split(",")) {
				String[] daysAndTimes = part.strip().split("\\s+");
				String[] days = daysAndTimes[0].split("-");
				String[] times = daysAndTimes.length == 2 ? daysAndTimes[1].split("-") : new String[0];
				if (daysAndTimes.length != 2 || days.length > 2 || times.length != 2 || !WorkingHours.isTime(times[0])
						|| !WorkingHours.isTime(times[1])) {
					throw new IllegalArgumentException("rapport.sla.calendar.working-hours: not like MON-FRI 09:00-18:00: "
							+ part.strip());
				}
				DayOfWeek first = day(days[0]);
				DayOfWeek last = day(days[days.length - 1]);
				for (DayOfWeek day = first;; day = day.plus(1)) {
					DayOfWeek current = day;
					hours.removeIf(h -> h.day() == current);
					hours.add(new WorkingHours(day, times[0], times[1]));
					if (day == last) {
						break;
					}
				}
			}
			return hours;
		}

		private static DayOfWeek day(String name) {
			String upper = name.toUpperCase(Locale.ROOT);
			for (DayOfWeek day : DayOfWeek.values()) {
				if (day.name().startsWith(upper) && upper.length() >= 2) {
					return day;
				}
			}
			throw new IllegalArgumentException("rapport.sla.calendar.working-hours: no such day: " + name);
		}
	}
}
