package com.rapport.customer.loyalty;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.rapport.support.error.ConflictException;
import com.rapport.support.error.Message;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * Posts entries on an organisation's ledger, each once, with the balance right under concurrency and without
 * multi-document transactions (neither store has them here): an entry's id is its cause (a repeat finds it and
 * changes nothing), and its {@code seq} is the next number of the organisation's chain, unique, so of two writers
 * that read the same balance only one gets its entry in; the other reads again and checks again. A check (enough
 * points, the reward's limit) therefore always holds against the balance the entry is chained to.
 */
@Component
public class Ledger {

	private static final Logger log = LoggerFactory.getLogger(Ledger.class);

	/** Tries before a post gives up on a busy organisation (each lost race means another entry got in). */
	static final int ATTEMPTS = 50;

	private final LedgerRepository entries;

	private final Clock clock;

	public Ledger(LedgerRepository entries, Clock clock) {
		this.entries = entries;
		this.clock = clock;
	}

	/** What a post has to hold against the balance it is chained to; throws to refuse (nothing is written). */
	@FunctionalInterface
	public interface Check {

		/** @param seq the number of the latest entry the post is chained after (0: none yet) */
		void against(long balance, long seq);

		Check NONE = (balance, seq) -> {
		};
	}

	/** The entry as stored, and whether this post stored it (false: it was there already, nothing changed). */
	public record Posted(LedgerEntry entry, boolean created) {
	}

	/** Posts {@code draft} once: see the class. */
	public Posted post(LedgerEntry draft, Check check) {
		for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
			Optional<LedgerEntry> existing = entries.findById(draft.id());
			if (existing.isPresent()) {
				return new Posted(existing.get(), false);
			}
			long seq = 0;
			long balance = 0;
			Optional<LedgerEntry> latest = entries.findFirstByOrganisationIdOrderBySeqDesc(draft.organisationId());
			if (latest.isPresent()) {
				seq = latest.get().seq();
				balance = latest.get().balanceAfter();
			}
			check.against(balance, seq);
			Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
			try {
				return new Posted(entries.insert(draft.at(seq + 1, balance + draft.points(), now)), true);
			}
			catch (DuplicateKeyException ex) {
				log.debug("Ledger entry {} lost the race for {} #{}; reading again", draft.id(), draft.organisationId(),
						seq + 1);
			}
		}
		throw new ConflictException(Message.of("loyalty.busy"));
	}

	/** The organisation's balance: its latest entry's, 0 without any. */
	public long balance(String organisationId) {
		return entries.findFirstByOrganisationIdOrderBySeqDesc(organisationId).map(LedgerEntry::balanceAfter).orElse(0L);
	}
}
