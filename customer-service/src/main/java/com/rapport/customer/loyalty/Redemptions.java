package com.rapport.customer.loyalty;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import com.rapport.customer.care.CareTaskService;
import com.rapport.customer.organisation.Contact;
import com.rapport.customer.organisation.Organisation;
import com.rapport.support.audit.AuditTrail;
import com.rapport.support.error.ConflictException;
import com.rapport.support.error.Message;
import com.rapport.support.error.NotFoundException;
import com.rapport.support.error.UnprocessableException;
import com.rapport.support.security.Caller;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * A contact redeems a reward for its organisation. The reward's stock is taken first by a conditional decrement
 * (two contacts racing for the last one: one gets it); then the redemption is chained onto the organisation's ledger
 * with the balance and the per-organisation limit checked against the very balance and entries it follows (see
 * {@link Ledger}); if that refuses, the stock is given back. The same request id again answers the same redemption.
 * It opens a care task for the account manager to fulfil it, goes on the timeline and is audited.
 */
@Service
public class Redemptions {

	private static final Pattern REQUEST_ID = Pattern.compile("[\\x21-\\x7E]{1,100}");

	private final Ledger ledger;

	private final LedgerRepository entries;

	private final RewardCatalogue catalogue;

	private final LoyaltyService loyalty;

	private final CareTaskService care;

	private final LoyaltyTimeline timeline;

	private final AuditTrail audit;

	private final Clock clock;

	public Redemptions(Ledger ledger, LedgerRepository entries, RewardCatalogue catalogue, LoyaltyService loyalty,
			CareTaskService care, LoyaltyTimeline timeline, AuditTrail audit, Clock clock) {
		this.ledger = ledger;
		this.entries = entries;
		this.catalogue = catalogue;
		this.loyalty = loyalty;
		this.care = care;
		this.timeline = timeline;
		this.audit = audit;
		this.clock = clock;
	}

	/** The redemption's entry, the balance after it, and whether this call made it (false: a repeat). */
	public record Redemption(LedgerEntry entry, long balance, boolean created, String careTaskId) {
	}

	/** How often the organisation redeemed each reward (for the portal's "limit reached"). */
	public long redeemedBy(String organisationId, String rewardId) {
		return entries.countByOrganisationIdAndRewardIdAndKind(organisationId, rewardId, LedgerEntryKind.REDEEMED);
	}

	/** See the class. Customers only, for their own organisation (another is 404, as an unknown one). */
	public Redemption redeem(Caller caller, String organisationId, String rewardId, String requestId) {
		if (!caller.isCustomer()) {
			throw new AccessDeniedException("Rewards are redeemed by the organisation's contacts");
		}
		Organisation organisation = loyalty.readable(caller, organisationId);
		if (requestId == null || !REQUEST_ID.matcher(requestId).matches()) {
			throw UnprocessableException.field(Message.of("loyalty.redemption-invalid"), "requestId",
					Message.of("loyalty.redemption.request-id.format"));
		}
		String id = "redeem:" + organisation.id() + ":" + requestId;
		Optional<LedgerEntry> repeat = entries.findById(id);
		if (repeat.isPresent()) {
			return new Redemption(repeat.get(), ledger.balance(organisation.id()), false, taskId(id));
		}
		Reward reward = catalogue.find(rewardId).filter(Reward::active)
			.orElseThrow(() -> new NotFoundException(Message.of("loyalty.reward.not-found", rewardId)));
		if (!catalogue.takeOne(reward)) {
			throw new ConflictException(Message.of("loyalty.reward.out-of-stock", reward.nameEn()));
		}
		Ledger.Posted posted;
		try {
			posted = ledger.post(LedgerEntry.draft(id, organisation.id(), LedgerEntryKind.REDEEMED, -reward.pointsCost(),
					clock.instant().truncatedTo(ChronoUnit.MILLIS), reward.nameEn(), reward.id(), reward.nameZh(),
					caller.name(), null, null), (balance, seq) -> {
						if (balance < reward.pointsCost()) {
							throw new ConflictException(Message.of("loyalty.balance.insufficient", balance,
									reward.pointsCost()));
						}
						if (reward.limitPerOrganisation() > 0
								&& redeemedBy(organisation.id(), reward.id()) >= reward.limitPerOrganisation()) {
							throw new ConflictException(Message.of("loyalty.reward.limit-reached",
									reward.limitPerOrganisation()));
						}
					});
		}
		catch (RuntimeException ex) {
			catalogue.giveBack(reward);
			throw ex;
		}
		if (!posted.created()) {
			// The same request id won a race with itself: the stock this call took is not its to keep.
			catalogue.giveBack(reward);
			return new Redemption(posted.entry(), ledger.balance(organisation.id()), false, taskId(id));
		}
		LedgerEntry entry = posted.entry();
		String who = contactName(organisation, caller);
		Instant now = clock.instant();
		care.openRedemptionTask(organisation, taskId(id), "Reward to fulfil for " + organisation.name() + ": "
				+ reward.nameEn() + " (" + reward.kind() + ", " + reward.pointsCost() + " points), redeemed by " + who,
				now);
		timeline.record(entry, who + " redeemed " + reward.nameEn() + " for " + reward.pointsCost() + " points",
				"timeline.loyalty.redeemed", List.of(who, reward.nameEn(), reward.nameZh(),
						String.valueOf(reward.pointsCost())));
		audit.record(caller, "loyalty.redeemed", "loyalty-entry", entry.id(), organisation.id(),
				Map.of("reward", reward.id(), "points", String.valueOf(entry.points())));
		return new Redemption(entry, entry.balanceAfter(), true, taskId(id));
	}

	static String taskId(String redemptionId) {
		return "loyalty-" + redemptionId;
	}

	/** The contact whose login redeemed, by name; its login name when none is linked. */
	private static String contactName(Organisation organisation, Caller caller) {
		return organisation.contacts().stream()
			.filter(c -> c.username() != null && c.username().equalsIgnoreCase(caller.name()))
			.map(Contact::name).findFirst().orElse(caller.name());
	}
}
