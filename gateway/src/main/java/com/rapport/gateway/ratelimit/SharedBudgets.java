package com.rapport.gateway.ratelimit;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * This replica's view of the shared request budgets: a request is counted here, in memory, and decided at once;
 * every {@code sync-interval} the counts made here since the last sync are added to the shared counters in
 * MongoDB, which answer what all replicas counted together. No request waits for the store.
 * <p>
 * The price is a bounded overshoot: a replica does not see what the others counted since its last sync, so a
 * caller spreading requests over {@code R} replicas may get up to what it sends the other {@code R - 1} replicas
 * in one sync interval (plus one store round trip) beyond its budget: a replica that stays quiet learns what
 * the others counted with its own next count, so whatever it lets through unaware is sent, and corrected,
 * within one interval. One replica alone is exact. While the store
 * is unreachable each replica holds callers to the budget on its own counts and keeps them to send later.
 */
class SharedBudgets {

	private static final Logger log = LoggerFactory.getLogger(SharedBudgets.class);

	private final RateLimitCounters counters;

	private final Map<String, Budget> budgets = new ConcurrentHashMap<>();

	SharedBudgets(RateLimitCounters counters) {
		this.counters = counters;
	}

	/** The caller's current window as this replica knows it, after counting this request. */
	record Window(long count, Instant resetsAt) {
	}

	/** One caller's window: the shared count last learnt, and what this replica counted since. */
	private static final class Budget {

		final Instant end;

		final Instant expireAt;

		long shared;

		long unsent;

		long sending;

		Budget(Instant end, Instant expireAt) {
			this.end = end;
			this.expireAt = expireAt;
		}

		synchronized long count() {
			return shared + sending + unsent;
		}
	}

	Window hit(String caller, Instant now, Duration window) {
		long length = window.toMillis();
		long start = now.toEpochMilli() / length * length;
		Instant end = Instant.ofEpochMilli(start + length);
		Budget budget = budgets.computeIfAbsent(caller + "|" + start, id -> new Budget(end, end.plus(window)));
		synchronized (budget) {
			budget.unsent++;
			return new Window(budget.count(), end);
		}
	}

	/**
	 * Sends what this replica counted to the shared counters and learns what all replicas counted; forgets the
	 * windows that are over. Runs in the background, one at a time.
	 */
	Mono<Void> sync(Instant now) {
		budgets.entrySet().removeIf(entry -> !entry.getValue().end.isAfter(now));
		return Flux.fromIterable(budgets.entrySet()).concatMap(entry -> send(entry.getKey(), entry.getValue()))
			.reduce(0, (failed, sent) -> sent ? failed : failed + 1)
			.doOnNext(failed -> {
				if (failed > 0) {
					log.warn("Request budgets of {} windows not shared this time: each replica counts on its own "
							+ "meanwhile", failed);
				}
			})
			.then();
	}

	/** Sends one window's new counts; answers whether it was shared (nothing to send counts as shared). */
	private Mono<Boolean> send(String windowId, Budget budget) {
		long count;
		synchronized (budget) {
			if (budget.unsent == 0) {
				// Nothing to tell; what the others counted is learnt with this replica's next count.
				return Mono.just(true);
			}
			count = budget.unsent;
			budget.unsent = 0;
			budget.sending = count;
		}
		return counters.add(windowId, count, budget.expireAt).map(shared -> {
			synchronized (budget) {
				budget.shared = Math.max(budget.shared, shared);
				budget.sending = 0;
			}
			return true;
		}).onErrorResume(ex -> {
			synchronized (budget) {
				// Kept to be sent at the next sync: nothing counted here is lost while the store is away.
				budget.unsent += budget.sending;
				budget.sending = 0;
			}
			log.debug("Window {} not shared: {}", windowId, ex.toString());
			return Mono.just(false);
		});
	}

	/** Windows this replica holds (for its tests). */
	int windows() {
		return budgets.size();
	}
}
