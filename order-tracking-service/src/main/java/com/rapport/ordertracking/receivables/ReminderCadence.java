package com.rapport.ordertracking.receivables;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The reminder cadence of invoices: steps at offsets in days from the due date (by default -3, 0, 7, 21), each with
 * its tone: a courteous note before the due date, a polite one on it, firm ones after it (the last the firmest).
 * Pure policy: what is due for an invoice on a day, and what pauses it.
 */
public record ReminderCadence(List<Integer> offsets) {

	public static final List<Integer> DEFAULT_OFFSETS = List.of(-3, 0, 7, 21);

	public enum Tone {
		COURTEOUS, POLITE, FIRM, FINAL
	}

	/** Why reminders go or do not go now. */
	public enum State {
		ACTIVE, PAUSED_PROMISE, PAUSED_INSTALMENTS, DONE, CLOSED
	}

	public ReminderCadence {
		offsets = List.copyOf(offsets);
	}

	public static ReminderCadence defaults() {
		return new ReminderCadence(DEFAULT_OFFSETS);
	}

	/** One step of an invoice's cadence: its offset, tone, date and whether it was queued. */
	public record Step(int offset, Tone tone, LocalDate date, boolean sent) {
	}

	public Tone toneOf(int offset) {
		if (offset < 0) {
			return Tone.COURTEOUS;
		}
		if (offset == 0) {
			return Tone.POLITE;
		}
		return offset == offsets.get(offsets.size() - 1) && offsets.stream().filter(o -> o > 0).count() > 1 ? Tone.FINAL
				: Tone.FIRM;
	}

	public List<Step> stepsOf(Invoice invoice) {
		List<Step> steps = new ArrayList<>();
		for (int offset : offsets) {
			steps.add(new Step(offset, toneOf(offset), invoice.dueDate().plusDays(offset),
					invoice.stepsSent().contains(offset)));
		}
		return steps;
	}

	/** Whether reminders go for the invoice on {@code today}, and if not why. */
	public State stateOf(Invoice invoice, LocalDate today) {
		if (!invoice.open()) {
			return State.CLOSED;
		}
		State paused = pausedOn(invoice, today);
		if (paused != null) {
			return paused;
		}
		return nextStep(invoice).isEmpty() ? State.DONE : State.ACTIVE;
	}

	/**
	 * Why reminders pause on {@code today}: a promise to pay up to its date, an instalment plan up to its last
	 * instalment's date; null when nothing pauses them.
	 */
	public static State pausedOn(Invoice invoice, LocalDate today) {
		if (invoice.promise() != null && !today.isAfter(invoice.promise().payBy())) {
			return State.PAUSED_PROMISE;
		}
		if (!invoice.instalments().isEmpty()
				&& !today.isAfter(invoice.instalments().get(invoice.instalments().size() - 1).dueDate())) {
			return State.PAUSED_INSTALMENTS;
		}
		return null;
	}

	/** The first step after the latest one sent (a step passed over while paused is never sent late). */
	public Optional<Step> nextStep(Invoice invoice) {
		int latestSent = invoice.stepsSent().stream().mapToInt(Integer::intValue).max().orElse(Integer.MIN_VALUE);
		return stepsOf(invoice).stream().filter(s -> s.offset() > latestSent).findFirst();
	}

	/**
	 * The step to send on {@code today}: the latest step whose date has come and that is later than every step sent,
	 * when reminders are not paused; empty otherwise. An invoice that arrives 10 days overdue gets the firm step
	 * of day 7, not the courteous one of day -3 as well.
	 */
	public Optional<Step> dueStep(Invoice invoice, LocalDate today) {
		if (stateOf(invoice, today) != State.ACTIVE) {
			return Optional.empty();
		}
		int latestSent = invoice.stepsSent().stream().mapToInt(Integer::intValue).max().orElse(Integer.MIN_VALUE);
		Step due = null;
		for (Step step : stepsOf(invoice)) {
			if (step.offset() > latestSent && !step.date().isAfter(today)) {
				due = step;
			}
		}
		return Optional.ofNullable(due);
	}

	/** The offsets a manager may set: 1 to 8, increasing, each from -30 to 365 days; null when fine, else the code. */
	public static String problemWith(List<Integer> offsets) {
		if (offsets == null || offsets.isEmpty() || offsets.size() > 8) {
			return "receivables.cadence.count";
		}
		for (int i = 0; i < offsets.size(); i++) {
			Integer offset = offsets.get(i);
			if (offset == null || offset < -30 || offset > 365) {
				return "receivables.cadence.range";
			}
			if (i > 0 && offset <= offsets.get(i - 1)) {
				return "receivables.cadence.order";
			}
		}
		return null;
	}
}
