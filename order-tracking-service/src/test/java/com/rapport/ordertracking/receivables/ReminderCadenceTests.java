package com.rapport.ordertracking.receivables;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.rapport.ordertracking.order.Money;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The cadence as a customer would notice it: what comes when, and what pauses it. */
class ReminderCadenceTests {

	static final LocalDate DUE = LocalDate.of(2026, 12, 10);

	final ReminderCadence cadence = ReminderCadence.defaults();

	static Invoice invoice(List<Integer> sent, Invoice.Promise promise, List<Invoice.Instalment> instalments,
			Invoice.Status status) {
		return new Invoice("acme-retail|INV-1", "acme-retail", "INV-1", "ACME-1014", new Money("CNY", 1_250_000), DUE,
				status, sent, promise, instalments, null, "partner", Instant.parse("2026-11-01T00:00:00Z"), null,
				List.of(), List.of(), 0L);
	}

	static Invoice open(Integer... sent) {
		return invoice(List.of(sent), null, List.of(), Invoice.Status.OPEN);
	}

	@Test
	void nothingIsDueUntilThreeDaysBeforeTheDueDateThenACourteousNote() {
		assertThat(cadence.dueStep(open(), DUE.minusDays(4))).isEmpty();
		var step = cadence.dueStep(open(), DUE.minusDays(3)).orElseThrow();
		assertThat(step.offset()).isEqualTo(-3);
		assertThat(step.tone()).isEqualTo(ReminderCadence.Tone.COURTEOUS);
		assertThat(step.date()).isEqualTo(LocalDate.of(2026, 12, 7));
	}

	@Test
	void onTheDueDateAPoliteOneAndAfterItFirmOnesTheLastTheFirmest() {
		assertThat(cadence.dueStep(open(-3), DUE.minusDays(1))).as("the courteous one was sent").isEmpty();
		assertThat(cadence.dueStep(open(-3), DUE).orElseThrow().tone()).isEqualTo(ReminderCadence.Tone.POLITE);
		assertThat(cadence.dueStep(open(-3, 0), DUE.plusDays(6))).isEmpty();
		assertThat(cadence.dueStep(open(-3, 0), DUE.plusDays(7)).orElseThrow().tone())
			.isEqualTo(ReminderCadence.Tone.FIRM);
		assertThat(cadence.dueStep(open(-3, 0, 7), DUE.plusDays(21)).orElseThrow().tone())
			.isEqualTo(ReminderCadence.Tone.FINAL);
		assertThat(cadence.dueStep(open(-3, 0, 7, 21), DUE.plusDays(90))).as("every step sent").isEmpty();
		assertThat(cadence.stateOf(open(-3, 0, 7, 21), DUE.plusDays(90))).isEqualTo(ReminderCadence.State.DONE);
	}

	@Test
	void anInvoiceArrivingOverdueGetsOnlyTheLatestStepNotTheEarlierOnesLate() {
		var step = cadence.dueStep(open(), DUE.plusDays(10)).orElseThrow();
		assertThat(step.offset()).isEqualTo(7);
		assertThat(cadence.dueStep(open(7), DUE.plusDays(10))).as("the earlier steps are never sent after it").isEmpty();
	}

	@Test
	void aPromiseToPayPausesRemindersUntilTheDayAfterItsDate() {
		var promised = invoice(List.of(-3, 0), new Invoice.Promise(DUE.plusDays(12), "after month-end", "agent.li",
				Instant.now()), List.of(), Invoice.Status.OPEN);
		assertThat(cadence.stateOf(promised, DUE.plusDays(8))).isEqualTo(ReminderCadence.State.PAUSED_PROMISE);
		assertThat(cadence.dueStep(promised, DUE.plusDays(8))).isEmpty();
		assertThat(cadence.dueStep(promised, DUE.plusDays(12))).as("on the promised day still paused").isEmpty();
		assertThat(cadence.dueStep(promised, DUE.plusDays(13)).orElseThrow().offset())
			.as("a broken promise: the firm step comes").isEqualTo(7);
	}

	@Test
	void anInstalmentPlanPausesRemindersUntilAfterItsLastInstalment() {
		var plan = invoice(List.of(-3, 0), null, List.of(new Invoice.Instalment(DUE.plusDays(15), 600_000),
				new Invoice.Instalment(DUE.plusDays(45), 650_000)), Invoice.Status.OPEN);
		assertThat(cadence.stateOf(plan, DUE.plusDays(30))).isEqualTo(ReminderCadence.State.PAUSED_INSTALMENTS);
		assertThat(cadence.dueStep(plan, DUE.plusDays(45))).isEmpty();
		assertThat(cadence.dueStep(plan, DUE.plusDays(46)).orElseThrow().offset()).isEqualTo(21);
	}

	@Test
	void aPaidOrCreditedInvoiceIsRemindedOfNothing() {
		assertThat(cadence.dueStep(invoice(List.of(), null, List.of(), Invoice.Status.PAID), DUE.plusDays(8))).isEmpty();
		assertThat(cadence.stateOf(invoice(List.of(), null, List.of(), Invoice.Status.CREDITED), DUE))
			.isEqualTo(ReminderCadence.State.CLOSED);
	}

	@Test
	void aManagersCadenceIsCheckedForStepsInOrderAndInRange() {
		assertThat(ReminderCadence.problemWith(List.of(-3, 0, 7, 21))).isNull();
		assertThat(ReminderCadence.problemWith(List.of())).isEqualTo("receivables.cadence.count");
		assertThat(ReminderCadence.problemWith(List.of(0, -3))).isEqualTo("receivables.cadence.order");
		assertThat(ReminderCadence.problemWith(List.of(0, 0))).isEqualTo("receivables.cadence.order");
		assertThat(ReminderCadence.problemWith(List.of(-31, 0))).isEqualTo("receivables.cadence.range");
		var custom = new ReminderCadence(List.of(-5, 3));
		assertThat(custom.dueStep(open(), DUE.minusDays(5)).orElseThrow().tone())
			.isEqualTo(ReminderCadence.Tone.COURTEOUS);
		assertThat(custom.toneOf(3)).as("a single step after the due date is firm, not final")
			.isEqualTo(ReminderCadence.Tone.FIRM);
	}
}
