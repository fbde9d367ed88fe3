package com.rapport.customer.loyalty;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One movement of an organisation's points. Its id is made from what caused it ({@code earn:<org>:<order number>},
 * {@code reverse:<org>:<order number>}, {@code redeem:<org>:<request>}, {@code expire:<org>:<UTC date>},
 * {@code adjust:<org>:<client>:<Idempotency-Key>}), so the same cause is one entry however often it is told.
 * {@code seq} numbers an organisation's entries 1, 2, 3 ... and is unique per organisation: a writer reads the
 * latest entry, checks what it must against its {@code balanceAfter}, and inserts the next number; two writers
 * racing for the same number get one insert each way, and the loser reads again (see {@link Ledger}). So the
 * balance is always the latest entry's {@code balanceAfter}, which is the sum of every entry's points.
 *
 * @param expiresAt     when earned (or positively adjusted) points expire; {@code null} for the other kinds
 * @param expirySettled whether the expiry job has dealt with this credit (set once it expired or was spent)
 * @param fingerprint   what a partner asked with its Idempotency-Key, to refuse the key for another request
 */
@Document("loyalty_ledger")
@CompoundIndexes({
		@CompoundIndex(name = "organisation_seq", def = "{'organisationId': 1, 'seq': -1}", unique = true),
		@CompoundIndex(name = "organisation_reward", def = "{'organisationId': 1, 'rewardId': 1}"),
		@CompoundIndex(name = "expiry_due", def = "{'expirySettled': 1, 'expiresAt': 1}") })
public record LedgerEntry(@Id String id, String organisationId, long seq, LedgerEntryKind kind, long points,
		long balanceAfter, Instant occurredAt, Instant recordedAt, String reference, String rewardId, String note,
		String actor, Instant expiresAt, Boolean expirySettled, String fingerprint) {

	/** An entry to post: everything but its place in the chain. */
	public static LedgerEntry draft(String id, String organisationId, LedgerEntryKind kind, long points,
			Instant occurredAt, String reference, String rewardId, String note, String actor, Instant expiresAt,
			String fingerprint) {
		return new LedgerEntry(id, organisationId, 0, kind, points, 0, occurredAt, null, reference, rewardId, note,
				actor, expiresAt, expiresAt == null ? null : Boolean.FALSE, fingerprint);
	}

	LedgerEntry at(long newSeq, long newBalance, Instant now) {
		return new LedgerEntry(id, organisationId, newSeq, kind, points, newBalance, occurredAt, now, reference,
				rewardId, note, actor, expiresAt, expirySettled, fingerprint);
	}
}
