package com.rapport.support.validation;

import java.time.Instant;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Map;

import com.rapport.support.error.Message;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MonthRangeTests {

	private final Map<String, Message> invalid = new LinkedHashMap<>();

	private MonthRange parse(String from, String to) {
		return MonthRange.parse(from, to, 24, "x.month", "x.period", invalid);
	}

	@Test
	void everyMonthFromTheFirstToTheLastAcrossAYearsEnd() {
		MonthRange range = parse("2025-11", " 2026-02 ");

		assertThat(range.months()).extracting(YearMonth::toString).containsExactly("2025-11", "2025-12", "2026-01", "2026-02");
		assertThat(range.start()).isEqualTo(Instant.parse("2025-11-01T00:00:00Z"));
		assertThat(range.end()).isEqualTo(Instant.parse("2026-03-01T00:00:00Z"));
		assertThat(invalid).isEmpty();
	}

	@Test
	void oneMonthAndExactlyTheLongestPeriodAreTakenOneMoreIsNot() {
		assertThat(parse("2026-03", "2026-03").months()).hasSize(1);
		assertThat(parse("2025-01", "2026-12").months()).hasSize(24);
		assertThat(invalid).isEmpty();

		assertThat(parse("2025-01", "2027-01")).isNull();
		assertThat(invalid).containsOnlyKeys("toMonth");
		assertThat(invalid.get("toMonth")).isEqualTo(Message.of("x.period", 24));
	}

	@Test
	void aReversedPeriodIsNamedOnItsLastMonth() {
		assertThat(parse("2026-05", "2026-04")).isNull();
		assertThat(invalid).containsOnlyKeys("toMonth");
	}

	@Test
	void whatIsNotAMonthIsNamedInTheServicesCode() {
		assertThat(parse("2026-13", null)).isNull();
		assertThat(invalid).containsOnlyKeys("fromMonth", "toMonth");
		assertThat(invalid.get("fromMonth").code()).isEqualTo("x.month");
		invalid.clear();
		assertThat(parse("2026-1", "")).isNull();
		assertThat(invalid).containsOnlyKeys("fromMonth", "toMonth");
	}
}
