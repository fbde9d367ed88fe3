package com.rapport.customer.loyalty;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.rapport.customer.organisation.CustomerAccess;
import com.rapport.customer.organisation.Organisation;
import com.rapport.customer.organisation.OrganisationRepository;
import com.rapport.customer.organisation.Tier;
import com.rapport.customer.tiering.Rfm;
import com.rapport.customer.tiering.TieringProperties;
import com.rapport.customer.timeline.Interaction;
import com.rapport.customer.timeline.InteractionKind;
import com.rapport.customer.timeline.InteractionRecorded;
import com.rapport.support.audit.AuditTrail;
import com.rapport.support.error.ConflictException;
import com.rapport.support.error.Message;
import com.rapport.support.error.NotFoundException;
import com.rapport.support.error.UnprocessableException;
import com.rapport.support.security.Caller;
import com.rapport.support.validation.TextRules;

import org.springframework.context.event.EventListener;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Slice;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * Points earned, reversed and adjusted, and an organisation's account as its contacts, staff and partners read
 * it. A delivered order earns once (the entry's id is its order number, whatever event told of it); a returned one
 * gives back exactly what it earned, once. Earning is the service's own work (on the timeline, not audited);
 * reversals and adjustments are a partner's or manager's (audited and on the timeline).
 */
@Service
public class LoyaltyService {

	private static final Logger log = LoggerFactory.getLogger(LoyaltyService.class);

	static final int MAX_PAGE_SIZE = 200;

	static final int MAX_REASON = 500;

	static final long MAX_ADJUSTMENT = 10_000_000L;

	private final Ledger ledger;

	private final LedgerRepository entries;

	private final LoyaltyRulesService rules;

	private final OrganisationRepository organisations;

	private final TieringProperties rates;

	private final LoyaltyTimeline timeline;

	private final AuditTrail audit;

	private final Clock clock;

	public LoyaltyService(Ledger ledger, LedgerRepository entries, LoyaltyRulesService rules,
			OrganisationRepository organisations, TieringProperties rates, LoyaltyTimeline timeline, AuditTrail audit,
			Clock clock) {
		this.ledger = ledger;
		this.entries = entries;
		this.rules = rules;
		this.organisations = organisations;
		this.rates = rates;
		this.timeline = timeline;
		this.audit = audit;
		this.clock = clock;
	}

	/** A newly recorded delivery earns its points, in the recording thread; a failure is logged, never thrown. */
	@EventListener
	public void onInteractionRecorded(InteractionRecorded event) {
		Interaction interaction = event.interaction();
		if (interaction.kind() != InteractionKind.ORDER_DELIVERED) {
			return;
		}
		try {
			earn(interaction);
		}
		catch (RuntimeException ex) {
			log.warn("Could not earn the points of delivery {} of {}", interaction.eventId(),
					interaction.organisationId(), ex);
		}
	}

	/**
	 * The points a delivered order earns at the organisation's tier in force now, posted once as
	 * {@code earn:<org>:<order number>}; an order that earns nothing (no value, a currency without a rate) posts
	 * nothing. Answers the entry, or {@code null} when nothing was earned.
	 */
	public Ledger.Posted earn(Interaction delivery) {
		String orderNumber = delivery.attributes().getOrDefault("order_number", "").strip();
		if (orderNumber.isEmpty()) {
			log.warn("Delivery {} of {} names no order number: no points", delivery.eventId(), delivery.organisationId());
			return null;
		}
		String id = earnId(delivery.organisationId(), orderNumber);
		if (entries.existsById(id)) {
			return new Ledger.Posted(entries.findById(id).orElseThrow(), false);
		}
		Organisation organisation = organisations.findById(delivery.organisationId()).orElse(null);
		if (organisation == null) {
			return null;
		}
		LoyaltyRules current = rules.current();
		BigDecimal value = Rfm.inBaseCurrency(Rfm.Order.of(delivery), rates);
		Tier tier = organisation.currentTier(clock.instant());
		long points = current.points(value, tier);
		if (points == 0) {
			return null;
		}
		Ledger.Posted posted = ledger.post(LedgerEntry.draft(id, organisation.id(), LedgerEntryKind.EARNED, points,
				delivery.occurredAt(), orderNumber, null, tier.name() + " × " + current.multiplier(tier).toPlainString(),
				null, current.expiryOf(delivery.occurredAt()), null), Ledger.Check.NONE);
		if (posted.created()) {
			timeline.record(posted.entry(), points + " points earned with order " + orderNumber,
					"timeline.loyalty.earned", List.of(String.valueOf(points), orderNumber));
		}
		return posted;
	}

	static String earnId(String organisationId, String orderNumber) {
		return "earn:" + organisationId + ":" + orderNumber;
	}

	/** An organisation's points as a caller may read them: its own contacts, staff, services and read partners. */
	public Account account(Caller caller, String organisationId, int page, int size) {
		Organisation organisation = readable(caller, organisationId);
		int pageSize = size <= 0 ? 50 : Math.min(size, MAX_PAGE_SIZE);
		Slice<LedgerEntry> slice = entries.findByOrganisationIdOrderBySeqDesc(organisation.id(),
				PageRequest.of(Math.max(page, 0), pageSize));
		return new Account(organisation, organisation.currentTier(clock.instant()), ledger.balance(organisation.id()),
				rules.current(), slice.getContent(), slice.hasNext(), rates.baseCurrency());
	}

	/** The account: the tier in force, balance, a page of entries newest first, and the rules it earns by. */
	public record Account(Organisation organisation, Tier tier, long balance, LoyaltyRules rules,
			List<LedgerEntry> entries, boolean more, String currency) {
	}

	/** The business currency points are earned in. */
	public String currency() {
		return rates.baseCurrency();
	}

	/** The organisation, if the caller may read its points; an unknown one and another customer's alike 404. */
	Organisation readable(Caller caller, String organisationId) {
		boolean allowed = CustomerAccess.mayReadAll(caller)
				|| (caller.isCustomer() && organisationId != null && caller.canSeeCustomer(organisationId));
		if (!allowed && !caller.isCustomer()) {
			throw new AccessDeniedException("Reading loyalty points needs a staff role or " + CustomerAccess.READ_SCOPE);
		}
		if (!allowed || organisationId == null || organisationId.isBlank()) {
			throw new NotFoundException(Message.of("organisation.not-found", organisationId));
		}
		return organisations.findById(organisationId)
			.orElseThrow(() -> new NotFoundException(Message.of("organisation.not-found", organisationId)));
	}

	/**
	 * A partner's or manager's adjustment: {@code points} (either sign, not 0) with a reason, or the return of a
	 * delivered order ({@code returnedOrder}), which takes back exactly what it earned, once. With an
	 * Idempotency-Key the same request again answers the same entry ({@code created = false}); the key with another
	 * request is refused. Staff and partners with {@value CustomerAccess#WRITE_SCOPE}.
	 */
	public Ledger.Posted adjust(Caller caller, String organisationId, Adjustment adjustment, String idempotencyKey) {
		CustomerAccess.requireWrite(caller);
		Organisation organisation = organisations.findById(organisationId == null ? "" : organisationId)
			.orElseThrow(() -> new NotFoundException(Message.of("organisation.not-found", organisationId)));
		validate(adjustment);
		Ledger.Posted posted = adjustment.returnedOrder() != null
				? reverse(caller, organisation, adjustment.returnedOrder().strip(), adjustment.reason().strip())
				: adjustPoints(caller, organisation, adjustment, idempotencyKey);
		if (posted.created()) {
			LedgerEntry entry = posted.entry();
			audit.record(caller, entry.kind() == LedgerEntryKind.REVERSED ? "loyalty.reversed" : "loyalty.adjusted",
					"loyalty-entry", entry.id(), organisation.id(),
					java.util.Map.of("points", String.valueOf(entry.points()), "reason", entry.note()));
		}
		return posted;
	}

	/** What a partner or manager asks: points and a reason, or a returned order and a reason. */
	public record Adjustment(Long points, String reason, String returnedOrder) {
	}

	private static void validate(Adjustment adjustment) {
		var errors = new org.springframework.validation.MapBindingResult(new java.util.LinkedHashMap<>(), "adjustment");
		String reason = adjustment.reason();
		if (reason == null || reason.isBlank()) {
			errors.rejectValue("reason", "field.required");
		}
		else if (reason.strip().length() > MAX_REASON) {
			errors.rejectValue("reason", "field.max-length", new Object[] { MAX_REASON }, null);
		}
		else if (!TextRules.isPlain(reason, false)) {
			errors.rejectValue("reason", TextRules.problemCode(reason, false));
		}
		if (adjustment.returnedOrder() != null) {
			if (adjustment.points() != null) {
				errors.rejectValue("points", "loyalty.adjustment.points-or-return");
			}
			if (adjustment.returnedOrder().isBlank() || adjustment.returnedOrder().strip().length() > 100
					|| !TextRules.isPlain(adjustment.returnedOrder(), false)) {
				errors.rejectValue("returnedOrder", "loyalty.adjustment.order.format");
			}
		}
		else if (adjustment.points() == null || adjustment.points() == 0
				|| Math.abs(adjustment.points()) > MAX_ADJUSTMENT) {
			errors.rejectValue("points", "loyalty.adjustment.points.range", new Object[] { MAX_ADJUSTMENT }, null);
		}
		UnprocessableException.throwIfAny(Message.of("loyalty.adjustment-invalid"), errors);
	}

	private Ledger.Posted adjustPoints(Caller caller, Organisation organisation, Adjustment adjustment,
			String idempotencyKey) {
		String reason = adjustment.reason().strip();
		long points = adjustment.points();
		String fingerprint = points + "|" + reason;
		String id = "adjust:" + organisation.id() + ":" + (idempotencyKey == null ? UUID.randomUUID().toString()
				: digest(caller.client() + "|" + caller.name() + "|" + idempotencyKey));
		var existing = entries.findById(id);
		if (existing.isPresent()) {
			if (!fingerprint.equals(existing.get().fingerprint())) {
				throw UnprocessableException.field(Message.of("loyalty.idempotency-key-reused"), "Idempotency-Key",
						Message.of("idempotency.other-request"));
			}
			return new Ledger.Posted(existing.get(), false);
		}
		Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
		Ledger.Posted posted = ledger.post(LedgerEntry.draft(id, organisation.id(), LedgerEntryKind.ADJUSTED, points,
				now, null, null, reason, caller.name(), points > 0 ? rules.current().expiryOf(now) : null, fingerprint),
				(balance, seq) -> {
					if (balance + points < 0) {
						throw new ConflictException(Message.of("loyalty.adjustment.below-zero", balance, -points));
					}
				});
		if (posted.created()) {
			timeline.record(posted.entry(), "Points adjusted by " + points + ": " + reason, "timeline.loyalty.adjusted",
					List.of(String.valueOf(points), reason));
		}
		else if (!fingerprint.equals(posted.entry().fingerprint())) {
			throw UnprocessableException.field(Message.of("loyalty.idempotency-key-reused"), "Idempotency-Key",
					Message.of("idempotency.other-request"));
		}
		return posted;
	}

	/**
	 * Takes back what a delivered order earned, once ({@code reverse:<org>:<order number>}); the balance may go below
	 * zero when the points were spent meanwhile (the next orders make it up). An order that earned nothing is
	 * refused: there is nothing to take back.
	 */
	private Ledger.Posted reverse(Caller caller, Organisation organisation, String orderNumber, String reason) {
		LedgerEntry earned = entries.findById(earnId(organisation.id(), orderNumber)).orElseThrow(
				() -> new ConflictException(Message.of("loyalty.return.not-earned", orderNumber)));
		Ledger.Posted posted = ledger.post(LedgerEntry.draft("reverse:" + organisation.id() + ":" + orderNumber,
				organisation.id(), LedgerEntryKind.REVERSED, -earned.points(),
				clock.instant().truncatedTo(ChronoUnit.MILLIS), orderNumber, null, reason, caller.name(), null, null),
				Ledger.Check.NONE);
		if (posted.created()) {
			timeline.record(posted.entry(), earned.points() + " points of returned order " + orderNumber
					+ " taken back: " + reason, "timeline.loyalty.reversed",
					List.of(String.valueOf(earned.points()), orderNumber, reason));
		}
		return posted;
	}

	private static String digest(String text) {
		try {
			byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(hash, 0, 12);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
