package com.rapport.benchmarks.growth;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/**
 * Which demo organisation each seeded organisation is a clone of, and how its order history is moved in time.
 * Organisation {@code n} (1 to {@code organisations}) is {@code growth-000042}; its kind is drawn from a deck of
 * twenty by a hash of {@code n}, so the kinds are mixed through the ids (the recompute reads by id) and the same on
 * every run and machine. The demo's buyers, and what their clones show:
 * <ul>
 * <li>regular (Acme Retail: sixteen orders, a chair every 25–30 days; Globex Trading: four orders every 50–80 days);</li>
 * <li>irregular (the same histories, each delivered order moved by its own 0–24 days: no rhythm, no reorder);</li>
 * <li>drifting (Stark Components: five orders, silent for four months: at risk);</li>
 * <li>lapsed (Wayne Hardware: three orders, nothing for more than a year);</li>
 * <li>one-order (Initech Logistics: one order, in progress);</li>
 * <li>prospect (Umbrella Supplies: no order).</li>
 * </ul>
 * A clone's delivered orders are moved {@code 0–9} days further into the past (the same for all of them, so a
 * regular buyer stays regular, but its reorder falls due on another day); its orders still in progress stay where
 * the template's are, so that none of them is late (the delay detector would otherwise mark thousands at the
 * start).
 */
final class GrowthPlan {

	/** What kind of buyer a clone is, and of which demo organisation. */
	enum Kind {
		REGULAR_ACME("acme-retail", false), REGULAR_GLOBEX("globex-trading", false),
		IRREGULAR_ACME("acme-retail", true), IRREGULAR_GLOBEX("globex-trading", true),
		DRIFTING("stark-components", false), LAPSED("wayne-hardware", false), ONE_ORDER("initech-logistics", false),
		PROSPECT("umbrella-supplies", false);

		private final String template;

		private final boolean irregular;

		Kind(String template, boolean irregular) {
			this.template = template;
			this.irregular = irregular;
		}

		String template() {
			return template;
		}

		boolean irregular() {
			return irregular;
		}
	}

	/** Twenty cards: how many clones of each kind in twenty organisations (about five orders an organisation). */
	static final List<Kind> DECK = List.of(Kind.REGULAR_ACME, Kind.REGULAR_ACME, Kind.REGULAR_GLOBEX,
			Kind.REGULAR_GLOBEX, Kind.REGULAR_GLOBEX, Kind.REGULAR_GLOBEX, Kind.IRREGULAR_ACME, Kind.IRREGULAR_GLOBEX,
			Kind.IRREGULAR_GLOBEX, Kind.IRREGULAR_GLOBEX, Kind.DRIFTING, Kind.DRIFTING, Kind.DRIFTING, Kind.LAPSED,
			Kind.LAPSED, Kind.ONE_ORDER, Kind.ONE_ORDER, Kind.ONE_ORDER, Kind.PROSPECT, Kind.PROSPECT);

	/** The demo organisations the clones are made of. */
	static final List<String> TEMPLATES = List.of("acme-retail", "globex-trading", "stark-components",
			"wayne-hardware", "initech-logistics", "umbrella-supplies");

	static final int MAX_SHIFT_DAYS = 10;

	static final int MAX_JITTER_DAYS = 25;

	private final int organisations;

	GrowthPlan(int organisations) {
		if (organisations < 1 || organisations > 999_999) {
			throw new IllegalArgumentException("organisations: 1 to 999,999, not " + organisations);
		}
		this.organisations = organisations;
	}

	int organisations() {
		return organisations;
	}

	/** {@code growth-000042}: ids in the order of {@code n}, so the store holds a prefix of the plan. */
	static String id(int n) {
		return String.format("growth-%06d", n);
	}

	/** The number in the organisation's name and external keys. */
	static String number(int n) {
		return String.format("%06d", n);
	}

	static Kind kind(int n) {
		return DECK.get((int) Math.floorMod(mix(n), (long) DECK.size()));
	}

	/**
	 * Days the template's order {@code order} (its place among the template's orders) is moved into the past in
	 * clone {@code n}: none for an order not delivered yet.
	 */
	static int shiftDays(int n, int order, boolean delivered) {
		if (!delivered) {
			return 0;
		}
		int days = (int) Math.floorMod(mix(n * 7919L + 17), (long) MAX_SHIFT_DAYS);
		if (kind(n).irregular()) {
			days += (int) Math.floorMod(mix(n * 104_729L + order), (long) MAX_JITTER_DAYS);
		}
		return days;
	}

	/** A stable id for clone {@code n}'s copy of {@code what} (a template order's or contact's id). */
	static String uuid(int n, String what) {
		return UUID.nameUUIDFromBytes(("rapport-growth-" + n + "-" + what).getBytes(StandardCharsets.UTF_8)).toString();
	}

	/** SplitMix64's finaliser: a well-spread hash of a number. */
	private static long mix(long z) {
		z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
		z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
		return z ^ (z >>> 31);
	}
}
