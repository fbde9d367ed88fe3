package com.rapport.benchmarks;

import java.util.List;

import com.rapport.benchmarks.customer360.Customer360;
import com.rapport.benchmarks.feedback.Feedback;
import com.rapport.benchmarks.gateway.Gateway;
import com.rapport.benchmarks.growth.Growth;
import com.rapport.benchmarks.harness.Harness;
import com.rapport.benchmarks.harness.Scenario;
import com.rapport.benchmarks.milestones.Milestones;
import com.rapport.benchmarks.orders.Orders;
import com.rapport.benchmarks.portal.Portal;
import com.rapport.benchmarks.tickets.Tickets;
import com.rapport.benchmarks.writes.Writes;

/** {@code java -jar benchmarks.jar <scenario> [options]}; {@code benchmarks/run.sh} builds and calls it. */
public final class Bench {

	/** Every scenario; a new one is added here. */
	static final List<Scenario> SCENARIOS = List.of(new Customer360(), new Writes(), new Orders(), new Gateway(), new Tickets(),
			new Portal(), new Milestones(), new Growth(), new Feedback());

	private Bench() {
	}

	public static void main(String[] args) {
		System.exit(Harness.run(args, SCENARIOS, System.out));
	}
}
