package com.rapport.ticket.ticket;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import com.rapport.ticket.sla.BusinessCalendar;
import com.rapport.ticket.sla.SlaState;
import com.rapport.ticket.sla.Tier;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The queue keys kept on a ticket put it in the segment of the SLA state its timers say, at every instant: the
 * queue read from the index and the ticket's own rule never disagree. Checked minute by minute over two days for
 * tickets in each situation (VIP: first response in 1 h, resolution in 8 h, round the clock).
 */
class QueueKeysTests {

	static final Instant T0 = Instant.parse("2026-11-23T01:00:00Z");

	static final BusinessCalendar CLOCK = BusinessCalendar.ROUND_THE_CLOCK;

	@Test
	void everySituationSitsInTheSegmentOfItsStateAtEveryMinute() {
		Ticket fresh = Tickets.stored("acme-retail", "T-1", T0, Tier.VIP, Tickets.ALICE);
		Ticket answered = fresh.respondedAt(T0.plus(Duration.ofMinutes(30)), "agent.li", "Li Na");
		Ticket answeredLate = fresh.respondedAt(T0.plus(Duration.ofMinutes(90)), "agent.li", "Li Na");
		Ticket replyOwed = answered.customerWroteAt(T0.plus(Duration.ofHours(2)), CLOCK, 25);
		Ticket pausedInTime = answered.waitingOnCustomerFrom(T0.plus(Duration.ofHours(3)), CLOCK);
		Ticket pausedAfterBreach = fresh.waitingOnCustomerFrom(T0.plus(Duration.ofHours(2)), CLOCK);
		Ticket resumed = pausedInTime.resumedAt(T0.plus(Duration.ofHours(20)), CLOCK);
		Ticket resolved = Tickets.resolved(fresh);
		Map<String, Ticket> situations = Map.of("fresh", fresh, "answered", answered, "answered late", answeredLate,
				"reply owed", replyOwed, "paused in time", pausedInTime, "paused after a breach", pausedAfterBreach,
				"resumed", resumed, "resolved", resolved);

		situations.forEach((name, ticket) -> {
			// From its last change on: a ticket is never read as of before what happened to it.
			for (Instant now = ticket.lastChangedAt(); now.isBefore(T0.plus(Duration.ofDays(2))); now = now.plusSeconds(60)) {
				SlaState state = ticket.slaStateAt(now, 25);
				assertThat(segmentOf(ticket.queue(), now)).as("%s at %s", name, now).isEqualTo(state);
			}
		});
	}

	@Test
	void keysFollowTheTicketThroughItsChanges() {
		Ticket fresh = Tickets.stored("acme-retail", "T-2", T0, Tier.VIP, Tickets.ALICE);
		assertThat(fresh.queue()).isEqualTo(new QueueKeys(QueueKeys.Lane.RUNNING, T0.plus(Duration.ofHours(1)),
				T0.plus(Duration.ofMinutes(45)), null, null, ""));

		Ticket answered = fresh.respondedAt(T0.plus(Duration.ofMinutes(30)), "agent.li", "Li Na");
		assertThat(answered.queue()).isEqualTo(new QueueKeys(QueueKeys.Lane.RUNNING, T0.plus(Duration.ofHours(8)),
				T0.plus(Duration.ofHours(6)), null, null, "agent.li"));

		Ticket paused = answered.waitingOnCustomerFrom(T0.plus(Duration.ofHours(2)), CLOCK);
		assertThat(paused.queue()).isEqualTo(new QueueKeys(QueueKeys.Lane.PAUSED, null, null,
				Duration.ofHours(6).toSeconds(), null, "agent.li"));

		Ticket resumed = paused.resumedAt(T0.plus(Duration.ofHours(5)), CLOCK);
		assertThat(resumed.queue().slaDueAt()).isEqualTo(T0.plus(Duration.ofHours(11)));

		Ticket done = resumed.resolvedAt(T0.plus(Duration.ofHours(6)), CLOCK);
		assertThat(done.queue()).isEqualTo(new QueueKeys(QueueKeys.Lane.DONE, null, null, null, true, "agent.li"));
		assertThat(Tickets.resolved(Tickets.stored("acme-retail", "T-3", T0.minus(Duration.ofDays(1)), Tier.VIP,
				Tickets.ALICE)).queue().met()).isTrue();
	}

	/** The segment the queue reads a ticket in, from its keys alone, as {@link QueueSegment} queries it. */
	private static SlaState segmentOf(QueueKeys keys, Instant now) {
		return switch (keys.lane()) {
			case DONE -> keys.met() ? SlaState.MET : SlaState.BREACHED;
			case PAUSED -> SlaState.PAUSED;
			case RUNNING -> keys.slaDueAt().isBefore(now) ? SlaState.BREACHED
					: keys.slaAtRiskAt().isBefore(now) ? SlaState.AT_RISK : SlaState.ON_TRACK;
		};
	}
}
