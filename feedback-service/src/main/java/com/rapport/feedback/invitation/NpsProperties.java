package com.rapport.feedback.invitation;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The NPS schedule ({@code rapport.surveys.nps.*}): each consenting contact is asked once per period of
 * {@code everyMonths} months (3: quarterly, the default; 1, 2, 4, 6 or 12), periods counted in UTC from January.
 *
 * @param everyMonths   the period's length in months, a divisor of 12
 * @param sweepInterval how often the sweep looks for contacts not yet asked this period
 * @param sweeping      whether the sweep runs on its schedule ({@code false} leaves it to the tests)
 * @param maxPerSweep   at most this many contacts invited by one sweep (500): a first period's wave over many
 *                      organisations goes out a few hundred mails an hour instead of all at once (a sweep stops there;
 *                      the next one goes on with those not yet asked)
 */
@ConfigurationProperties("rapport.surveys.nps")
public record NpsProperties(Integer everyMonths, Duration sweepInterval, Boolean sweeping, Integer maxPerSweep) {

	static final List<Integer> PERIODS = List.of(1, 2, 3, 4, 6, 12);

	public NpsProperties {
		everyMonths = everyMonths == null ? 3 : everyMonths;
		if (!PERIODS.contains(everyMonths)) {
			throw new IllegalArgumentException("rapport.surveys.nps.every-months must be one of " + PERIODS);
		}
		sweepInterval = sweepInterval == null ? Duration.ofHours(1) : sweepInterval;
		sweeping = sweeping == null || sweeping;
		maxPerSweep = maxPerSweep == null ? 500 : maxPerSweep;
		if (maxPerSweep < 1) {
			throw new IllegalArgumentException("rapport.surveys.nps.max-per-sweep must be at least 1");
		}
	}

	/** The period {@code at} falls in, as its key: 2026-Q4 (quarterly), 2026-H2, 2026 (yearly), 2026-M12 (monthly). */
	String periodOf(Instant at) {
		ZonedDateTime utc = at.atZone(ZoneOffset.UTC);
		int index = (utc.getMonthValue() - 1) / everyMonths + 1;
		return switch (everyMonths) {
			case 12 -> Integer.toString(utc.getYear());
			case 6 -> utc.getYear() + "-H" + index;
			case 3 -> utc.getYear() + "-Q" + index;
			case 1 -> utc.getYear() + "-M" + index;
			default -> utc.getYear() + "-" + everyMonths + "M" + index;
		};
	}
}
