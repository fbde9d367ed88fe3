package com.rapport.benchmarks.orders;

import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import java.util.UUID;

/**
 * Which seeded order belongs to which organisation and when it was placed: order {@code n} (0 to
 * {@code orders - 1}) is placed {@code n} steps into the three years before 1 December 2026, so orders arrive in
 * the store in the order they were placed, as they do in a live store; its organisation is drawn from a shuffled
 * deck in which each big organisation has {@code bigOrders} cards and the small ones share the rest evenly
 * (about 98 each with the defaults). A fixed seed: the same plan on every run and machine, so that a seeded store
 * can be reused and checked.
 */
final class OrderPlan {

	static final Instant END = Instant.parse("2026-12-01T00:00:00Z");

	static final Duration SPAN = Duration.ofDays(3 * 365);

	/** Orders placed in the last 30 days are still in progress; older ones have been delivered. */
	static final Duration IN_PROGRESS = Duration.ofDays(30);

	private static final long SEED = 20261206L;

	private final int orders;

	private final int organisations;

	private final int bigOrganisations;

	private final int bigOrders;

	private final int[] organisationOf;

	private final int[] count;

	OrderPlan(int orders, int organisations, int bigOrganisations, int bigOrders) {
		if (organisations < 1 || (long) bigOrganisations * bigOrders + organisations > orders) {
			throw new IllegalArgumentException("too few orders (" + orders + ") for " + bigOrganisations + " × "
					+ bigOrders + " orders of big organisations and at least one for each of " + organisations);
		}
		this.orders = orders;
		this.organisations = organisations;
		this.bigOrganisations = bigOrganisations;
		this.bigOrders = bigOrders;
		this.organisationOf = new int[orders];
		this.count = new int[bigOrganisations + organisations];
		int n = 0;
		for (int big = 0; big < bigOrganisations; big++) {
			for (int i = 0; i < bigOrders; i++) {
				organisationOf[n++] = big;
			}
		}
		for (int small = 0; n < orders; n++, small = (small + 1) % organisations) {
			organisationOf[n] = bigOrganisations + small;
		}
		Random random = new Random(SEED);
		for (int i = orders - 1; i > 0; i--) {
			int j = random.nextInt(i + 1);
			int swap = organisationOf[i];
			organisationOf[i] = organisationOf[j];
			organisationOf[j] = swap;
		}
		for (int organisation : organisationOf) {
			count[organisation]++;
		}
	}

	int orders() {
		return orders;
	}

	int organisations() {
		return organisations;
	}

	int bigOrganisations() {
		return bigOrganisations;
	}

	int bigOrders() {
		return bigOrders;
	}

	/** The organisation (0 to {@code bigOrganisations + organisations - 1}, the big ones first) of order n. */
	int organisationOf(int n) {
		return organisationOf[n];
	}

	/** How many orders organisation {@code organisation} has. */
	int ordersOf(int organisation) {
		return count[organisation];
	}

	/** The organisation's id in the orders, {@code bench-big-1} or {@code bench-org-00001}. */
	String customerId(int organisation) {
		return organisation < bigOrganisations ? String.format("bench-big-%d", organisation + 1)
				: String.format("bench-org-%05d", organisation - bigOrganisations + 1);
	}

	String orderNumber(int n) {
		return String.format("BENCH-%07d", n);
	}

	/** A stable id per order, so that a repeated seeding finds what it stored before. */
	String id(int n) {
		return UUID.nameUUIDFromBytes(("rapport-bench-order-" + n).getBytes(java.nio.charset.StandardCharsets.UTF_8))
			.toString();
	}

	Instant placedAt(int n) {
		return END.minus(SPAN).plusMillis(SPAN.toMillis() / orders * n);
	}

	PartnerOrders.Stage stage(int n) {
		if (placedAt(n).isBefore(END.minus(IN_PROGRESS))) {
			return PartnerOrders.Stage.DELIVERED;
		}
		return n % 2 == 0 ? PartnerOrders.Stage.PLACED : PartnerOrders.Stage.SHIPPED;
	}

	/** Which of the three line counts of the templates (1, 2 or 3 lines). */
	int variant(int n) {
		return n % 3;
	}
}
