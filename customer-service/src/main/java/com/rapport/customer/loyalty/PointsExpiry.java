package com.rapport.customer.loyalty;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.rapport.support.error.ConflictException;
import com.rapport.support.error.Message;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * Expires points nobody spent in time. Points are spent oldest first: what an organisation's credits (earned, or
 * adjusted up) whose {@code expiresAt} has come amount to, less everything taken away since (redeemed, expired,
 * adjusted down; a returned order's points and their reversal cancel out and count neither way), is what expires
 * now — never more than the balance. Posted as one {@code EXPIRED} entry whose id names the organisation and the
 * latest expiry it settles, so a repeated run posts it once; chained after the entries it was computed from, so a
 * redemption meanwhile makes it compute again. The credits it settled are then marked, so a run only reads the
 * organisations with something due, a bounded number per run.
 */
@Service
public class PointsExpiry {

	private static final Logger log = LoggerFactory.getLogger(PointsExpiry.class);

	/** Credits read per run to find organisations with points due. */
	static final int SCAN = 2_000;

	private final Ledger ledger;

	private final LedgerRepository entries;

	private final MongoTemplate mongo;

	private final LoyaltyTimeline timeline;

	private final Clock clock;

	public PointsExpiry(Ledger ledger, LedgerRepository entries, MongoTemplate mongo, LoyaltyTimeline timeline,
			Clock clock) {
		this.ledger = ledger;
		this.entries = entries;
		this.mongo = mongo;
		this.timeline = timeline;
		this.clock = clock;
	}

	/** One run: at most {@code maxOrganisations} organisations with credits due; answers how many were settled. */
	public int run(int maxOrganisations) {
		Instant now = clock.instant();
		Set<String> due = new LinkedHashSet<>();
		for (LedgerEntry credit : entries.findByExpirySettledFalseAndExpiresAtLessThanEqualOrderByExpiresAt(now,
				PageRequest.of(0, SCAN))) {
			due.add(credit.organisationId());
			if (due.size() >= maxOrganisations) {
				break;
			}
		}
		int settled = 0;
		for (String organisationId : due) {
			try {
				expire(organisationId, now);
				settled++;
			}
			catch (RuntimeException ex) {
				log.warn("Could not expire the points of {}; the next run will", organisationId, ex);
			}
		}
		if (!due.isEmpty()) {
			log.info("Points expiry: {} organisations settled", settled);
		}
		return settled;
	}

	/** Expires what is due of one organisation at {@code now}; answers the points expired (0: none). */
	public long expire(String organisationId, Instant now) {
		for (int attempt = 0; attempt < Ledger.ATTEMPTS; attempt++) {
			List<LedgerEntry> all = entries.findByOrganisationId(organisationId);
			long lastSeq = all.stream().mapToLong(LedgerEntry::seq).max().orElse(0);
			long balance = all.stream().filter(e -> e.seq() == lastSeq).mapToLong(LedgerEntry::balanceAfter)
				.findFirst().orElse(0);
			Set<String> reversed = new LinkedHashSet<>();
			all.stream().filter(e -> e.kind() == LedgerEntryKind.REVERSED)
				.forEach(e -> reversed.add(LoyaltyService.earnId(organisationId, e.reference())));
			long dueCredits = 0;
			long taken = 0;
			Instant latestDue = null;
			for (LedgerEntry e : all) {
				if (e.points() > 0 && e.expiresAt() != null && !e.expiresAt().isAfter(now) && !reversed.contains(e.id())) {
					dueCredits += e.points();
					latestDue = latestDue == null || e.expiresAt().isAfter(latestDue) ? e.expiresAt() : latestDue;
				}
				else if (e.points() < 0 && e.kind() != LedgerEntryKind.REVERSED) {
					taken -= e.points();
				}
			}
			long toExpire = Math.min(Math.max(0, dueCredits - taken), Math.max(0, balance));
			if (toExpire == 0) {
				markSettled(organisationId, now);
				return 0;
			}
			try {
				Ledger.Posted posted = ledger.post(LedgerEntry.draft(
						"expire:" + organisationId + ":" + latestDue.toEpochMilli(), organisationId, LedgerEntryKind.EXPIRED,
						-toExpire, now, null, null, null, null, null, null), (current, seq) -> {
							if (seq != lastSeq) {
								throw new ConflictException(Message.of("loyalty.busy"));
							}
						});
				if (posted.created()) {
					timeline.record(posted.entry(), toExpire + " points expired", "timeline.loyalty.expired",
							List.of(String.valueOf(toExpire)));
				}
				markSettled(organisationId, now);
				return posted.created() ? toExpire : 0;
			}
			catch (ConflictException ex) {
				log.debug("Expiry of {} raced another movement; computing again", organisationId);
			}
		}
		throw new ConflictException(Message.of("loyalty.busy"));
	}

	private void markSettled(String organisationId, Instant now) {
		mongo.updateMulti(Query.query(Criteria.where("organisationId").is(organisationId).and("expirySettled").is(false)
			.and("expiresAt").lte(now)), new Update().set("expirySettled", true), LedgerEntry.class);
	}
}
