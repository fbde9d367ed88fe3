package com.rapport.customer.figures;

import java.util.OptionalInt;

import com.rapport.customer.organisation.LifecycleStage;

/**
 * How many organisations are in each lifecycle stage: prospects (no order yet), active (first purchase, repeat,
 * loyal), dormant, churned. Retention is the retained (active or dormant) out of every organisation that ever ordered,
 * basis points rounded down, absent when none ever ordered: never 100 % of nothing.
 */
public record StageCounts(String label, long prospects, long active, long dormant, long churned) {

	public static StageCounts empty(String label) {
		return new StageCounts(label, 0, 0, 0, 0);
	}

	public StageCounts plus(LifecycleStage stage, long count) {
		return switch (stage) {
			case PROSPECT -> new StageCounts(label, prospects + count, active, dormant, churned);
			case FIRST_PURCHASE, REPEAT, LOYAL -> new StageCounts(label, prospects, active + count, dormant, churned);
			case DORMANT -> new StageCounts(label, prospects, active, dormant + count, churned);
			case CHURNED -> new StageCounts(label, prospects, active, dormant, churned + count);
		};
	}

	/** Both counts added up, under this label. */
	public StageCounts add(StageCounts other) {
		return new StageCounts(label, prospects + other.prospects, active + other.active, dormant + other.dormant,
				churned + other.churned);
	}

	/** These counts less the other's, under another label. */
	public StageCounts less(StageCounts other, String newLabel) {
		return new StageCounts(newLabel, prospects - other.prospects, active - other.active, dormant - other.dormant,
				churned - other.churned);
	}

	public long organisations() {
		return prospects + active + dormant + churned;
	}

	/** Retained now: active or dormant. */
	public long retained() {
		return active + dormant;
	}

	public OptionalInt retentionBp() {
		long everOrdered = active + dormant + churned;
		return everOrdered == 0 ? OptionalInt.empty() : OptionalInt.of((int) ((active + dormant) * 10_000 / everOrdered));
	}
}
