package com.rapport.ordertracking.receivables;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Receivables' settings ({@code rapport.receivables.*}).
 *
 * @param offsets      the default cadence, days from the due date (a manager's saved cadence replaces it)
 * @param workingFrom  when a contact's working day starts (its time zone), {@code workingUntil} when it ends
 * @param timeZone     the business time zone in which an invoice's due date and its steps' dates are days
 * @param interval     how often the planner looks for reminders due (one replica at a time, by lease)
 * @param workingHoursOnly false sends a reminder as soon as its step comes, whatever the hour or the holidays (the
 *                     system tests' setting, so that their mail does not wait for a working day)
 */
@ConfigurationProperties("rapport.receivables")
public record ReceivablesProperties(List<Integer> offsets, LocalTime workingFrom, LocalTime workingUntil,
		ZoneId timeZone, Duration interval, Boolean workingHoursOnly) {

	public ReceivablesProperties {
		offsets = offsets == null || offsets.isEmpty() ? ReminderCadence.DEFAULT_OFFSETS : List.copyOf(offsets);
		workingFrom = workingFrom == null ? LocalTime.of(9, 0) : workingFrom;
		workingUntil = workingUntil == null ? LocalTime.of(18, 0) : workingUntil;
		timeZone = timeZone == null ? ZoneId.of("Asia/Shanghai") : timeZone;
		interval = interval == null ? Duration.ofMinutes(1) : interval;
		workingHoursOnly = workingHoursOnly == null || workingHoursOnly;
	}

	public WorkingHours workingHours() {
		return new WorkingHours(workingFrom, workingUntil);
	}
}
