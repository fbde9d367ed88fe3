package com.rapport.customer.tiering;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.rapport.customer.care.CareTaskService;
import com.rapport.customer.organisation.LifecycleStage;
import com.rapport.customer.organisation.Organisation;
import com.rapport.customer.organisation.OrganisationRepository;
import com.rapport.customer.organisation.Tier;
import com.rapport.customer.organisation.TierOverride;
import com.rapport.customer.organisation.TierReason;
import com.rapport.customer.timeline.Interaction;
import com.rapport.customer.timeline.InteractionInput;
import com.rapport.customer.timeline.InteractionKind;
import com.rapport.customer.timeline.InteractionRecorded;
import com.rapport.customer.timeline.TimelineService;
import com.rapport.support.audit.AuditTrail;
import com.rapport.support.message.Texts;
import com.rapport.support.error.NotFoundException;
import com.rapport.support.error.Message;
import com.rapport.support.error.UnprocessableException;
import com.rapport.support.security.Caller;
import com.rapport.support.validation.TextRules;

import org.springframework.context.event.EventListener;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.validation.MapBindingResult;
import org.springframework.validation.Errors;

/**
 * Keeps each organisation's tier, tier reason and lifecycle stage in step with its placed orders: after every
 * newly recorded {@code ORDER_PLACED}, nightly for all, and when a manager sets or removes an override. Every
 * change is recorded in the timeline ({@code TIER_CHANGED}, {@code LIFECYCLE_CHANGED}) under an event id
 * naming the organisation, the new value and the day, so a repeated run records it once; becoming dormant
 * opens a wake-up call for the account manager, and ordering again closes it. A manager's override, set or
 * removed, also goes to the audit trail; the recomputes are the service's own work and do not.
 */
@Service
public class TieringService {

	private static final Logger log = LoggerFactory.getLogger(TieringService.class);

	static final String SOURCE = "customer-service";

	static final int MAX_REASON_LENGTH = 500;

	private static final int SAVE_ATTEMPTS = 3;

	private static final int NIGHTLY_PAGE = 200;

	private final OrganisationRepository organisations;

	private final TimelineService timeline;

	private final CareTaskService care;

	private final TieringPolicyService policies;

	private final Clock clock;

	private final AuditTrail audit;

	public TieringService(OrganisationRepository organisations, TimelineService timeline, CareTaskService care,
			TieringPolicyService policies, Clock clock, AuditTrail audit) {
		this.organisations = organisations;
		this.timeline = timeline;
		this.care = care;
		this.policies = policies;
		this.clock = clock;
		this.audit = audit;
	}

	public static boolean mayOverride(Caller caller) {
		return caller.hasRole(Caller.MANAGER) || caller.hasRole(Caller.ADMIN);
	}

	/**
	 * A new order changes RFM at once. Runs in the recording request, after the interaction is stored; a
	 * failure here is logged, not answered: the order is recorded, and the nightly run catches up.
	 */
	@EventListener
	public void onInteractionRecorded(InteractionRecorded event) {
		Interaction interaction = event.interaction();
		if (interaction.kind() != InteractionKind.ORDER_PLACED) {
			return;
		}
		try {
			recompute(interaction.organisationId());
		}
		catch (RuntimeException ex) {
			log.warn("Could not recompute the tier of {} after order event {}; the nightly run will",
					interaction.organisationId(), interaction.eventId(), ex);
		}
	}

	/** Recomputes one organisation now; answers it as stored. */
	public Organisation recompute(String organisationId) {
		return apply(organisationId, UnaryOperator.identity(), null, policies.rules());
	}

	/**
	 * Recomputes every organisation with the rules in force when it starts, a page at a time, and notes that
	 * version as applied; answers how many. One failing does not stop the rest.
	 */
	public int recomputeAll() {
		return recomputeAll(policies.current());
	}

	/** Recomputes every organisation when a change of the rules has not been applied yet; answers whether it ran. */
	public boolean recomputeIfDue() {
		TieringPolicy policy = policies.current();
		if (!policy.recomputeDue()) {
			return false;
		}
		recomputeAll(policy);
		return true;
	}

	private int recomputeAll(TieringPolicy policy) {
		int done = recomputeAll(policies.rulesOf(policy));
		policies.recomputed(policy.version(), done);
		return done;
	}

	private int recomputeAll(TieringProperties rules) {
		int done = 0;
		List<Organisation> page;
		String after = "";
		do {
			page = organisations.findByIdGreaterThan(after, PageRequest.of(0, NIGHTLY_PAGE, Sort.by("id")));
			if (page.isEmpty()) {
				break;
			}
			after = page.get(page.size() - 1).id();
			for (Organisation organisation : page) {
				try {
					apply(organisation.id(), UnaryOperator.identity(), null, rules);
					done++;
				}
				catch (RuntimeException ex) {
					log.warn("Could not recompute the tier of {}", organisation.id(), ex);
				}
			}
		}
		while (page.size() == NIGHTLY_PAGE);
		return done;
	}

	/** A manager's override; it wins over the computed tier through its end date. */
	public Organisation setOverride(Caller caller, String organisationId, OverrideInput input) {
		requireOverride(caller);
		Instant now = clock.instant();
		TierOverride override = validated(caller, input, now);
		requireOrganisation(organisationId);
		String summary = "Tier override " + override.tier().name() + " by " + override.setBy() + " until "
				+ override.endDate() + ": " + override.reason();
		Organisation saved = apply(organisationId,
				o -> o.withTiering(o.tier(), o.lifecycleStage(), o.tierReason(), override),
				new Audit("tier-override:" + organisationId + ":" + now.toEpochMilli(), summary,
						"timeline.tier.override.set", List.of(tierCode(override.tier()), override.setBy(),
								override.endDate().toString(), override.reason()),
						Map.of("override", "set", "override_tier", override.tier().name(), "set_by", override.setBy(),
								"end_date", override.endDate().toString())), policies.rules());
		audit.record(caller, "tier-override.set", "organisation", organisationId, organisationId,
				Map.of("tier", override.tier().name(), "end_date", override.endDate().toString(), "reason",
						override.reason()));
		return saved;
	}

	/** Ends a manager's override now: the computed tier applies again. */
	public Organisation removeOverride(Caller caller, String organisationId) {
		requireOverride(caller);
		Instant now = clock.instant();
		Organisation current = requireOrganisation(organisationId);
		if (current.tierOverride() == null) {
			return current;
		}
		Organisation saved = apply(organisationId,
				o -> o.withTiering(o.tier(), o.lifecycleStage(), o.tierReason(), null),
				new Audit("tier-override-removed:" + organisationId + ":" + now.toEpochMilli(),
						"Tier override " + current.tierOverride().tier().name() + " removed by " + caller.name(),
						"timeline.tier.override.removed", List.of(tierCode(current.tierOverride().tier()), caller.name()),
						Map.of("override", "removed", "removed_by", caller.name())), policies.rules());
		audit.record(caller, "tier-override.removed", "organisation", organisationId, organisationId,
				Map.of("tier", current.tierOverride().tier().name()));
		return saved;
	}

	/** The body of an override: tier, reason and end date as sent, checked here so all errors come at once. */
	public record OverrideInput(String tier, String reason, String endDate) {
	}

	private record Audit(String eventId, String summary, String summaryCode, List<String> summaryArgs,
			Map<String, String> attributes) {
	}

	/** A tier as a code to say in the reader's language (its label). */
	private static String tierCode(Tier tier) {
		return Texts.code("timeline.tier." + tier.name());
	}

	private Organisation apply(String organisationId, UnaryOperator<Organisation> edit, Audit audit,
			TieringProperties rules) {
		for (int attempt = 1;; attempt++) {
			Organisation current = requireOrganisation(organisationId);
			Organisation edited = edit.apply(current);
			Instant now = clock.instant();
			Rfm rfm = rfmOf(organisationId, now, rules);
			TierReason reason = TierRules.decide(rfm, rules, now);
			LifecycleStage stage = LifecycleRules.stage(rfm, rules);
			TierOverride override = edited.tierOverride();
			Tier tier = override != null && override.activeAt(now) ? override.tier() : reason.tier();
			Organisation saved;
			try {
				saved = organisations.save(edited.withTiering(tier, stage, reason, override));
			}
			catch (OptimisticLockingFailureException ex) {
				if (attempt >= SAVE_ATTEMPTS) {
					throw ex;
				}
				continue; // an edit of the profile meanwhile: read it again
			}
			recordChanges(current, saved, audit, now);
			return saved;
		}
	}

	private void recordChanges(Organisation before, Organisation after, Audit audit, Instant now) {
		String id = after.id();
		LocalDate day = now.atZone(ZoneOffset.UTC).toLocalDate();
		TierReason reason = after.tierReason();
		if (audit != null) {
			Map<String, String> attributes = new LinkedHashMap<>(audit.attributes());
			attributes.put("from", before.tier().name());
			attributes.put("to", after.tier().name());
			record(audit.eventId(), id, InteractionKind.TIER_CHANGED, now, audit.summary(), attributes,
					audit.summaryCode(), audit.summaryArgs());
		}
		else if (before.tier() != after.tier()) {
			boolean overridden = after.tierOverride() != null && after.tierOverride().activeAt(now);
			String why = overridden ? "override by " + after.tierOverride().setBy() + " until "
					+ after.tierOverride().endDate() : TierRules.figures(rfmOf(reason), reason.windowDays());
			List<String> args = new ArrayList<>(List.of(tierCode(before.tier()), tierCode(after.tier())));
			if (overridden) {
				args.addAll(List.of(after.tierOverride().setBy(), after.tierOverride().endDate().toString()));
			}
			else {
				args.addAll(TierRules.figuresArgs(rfmOf(reason), reason.windowDays()));
			}
			record("tier:" + id + ":" + after.tier().name() + ":" + day, id, InteractionKind.TIER_CHANGED, now,
					"Tier " + before.tier().name() + " → " + after.tier().name() + ": " + why,
					tierAttributes(before.tier(), after.tier(), reason),
					overridden ? "timeline.tier.changed.override" : "timeline.tier.changed", args);
		}
		if (before.lifecycleStage() != after.lifecycleStage()) {
			record("lifecycle:" + id + ":" + after.lifecycleStage().name() + ":" + day, id,
					InteractionKind.LIFECYCLE_CHANGED, now,
					"Lifecycle " + before.lifecycleStage().name() + " → " + after.lifecycleStage().name() + ": "
							+ TierRules.figures(rfmOf(reason), reason.windowDays()),
					Map.of("from", before.lifecycleStage().name(), "to", after.lifecycleStage().name()),
					"timeline.lifecycle.changed", lifecycleArgs(before, after, reason));
			if (after.lifecycleStage() == LifecycleStage.DORMANT) {
				care.openWakeUpCall(after, now);
			}
			else if (before.lifecycleStage() == LifecycleStage.DORMANT
					&& after.lifecycleStage() != LifecycleStage.CHURNED) {
				care.closeWakeUpCalls(id);
			}
		}
	}

	private void record(String eventId, String organisationId, InteractionKind kind, Instant at, String summary,
			Map<String, String> attributes, String summaryCode, List<String> summaryArgs) {
		String text = summary.length() > MAX_REASON_LENGTH ? summary.substring(0, MAX_REASON_LENGTH) : summary;
		timeline.recordOwn(new InteractionInput(SOURCE, eventId, organisationId, kind, at, text,
				"organisation:" + organisationId, attributes, summaryCode, summaryArgs.stream()
					.map(arg -> arg.length() > MAX_REASON_LENGTH ? arg.substring(0, MAX_REASON_LENGTH) : arg).toList()));
	}

	private List<String> lifecycleArgs(Organisation before, Organisation after, TierReason reason) {
		List<String> args = new ArrayList<>(List.of(
				Texts.code("timeline.stage." + before.lifecycleStage().name()),
				Texts.code("timeline.stage." + after.lifecycleStage().name())));
		args.addAll(TierRules.figuresArgs(rfmOf(reason), reason.windowDays()));
		return args;
	}

	private static Map<String, String> tierAttributes(Tier from, Tier to, TierReason reason) {
		Map<String, String> attributes = new LinkedHashMap<>();
		attributes.put("from", from.name());
		attributes.put("to", to.name());
		attributes.put("rule", reason.rule());
		attributes.put("frequency", Integer.toString(reason.frequency()));
		attributes.put("monetary", reason.monetary().toPlainString());
		attributes.put("currency", reason.currency());
		if (reason.recencyDays() != null) {
			attributes.put("recency_days", reason.recencyDays().toString());
		}
		return attributes;
	}

	/** The figures of a stored reason, for texts. */
	private static Rfm rfmOf(TierReason reason) {
		return new Rfm(null, reason.recencyDays(), reason.frequency(), reason.monetary(), reason.currency(), 0);
	}

	Rfm rfmOf(String organisationId, Instant now, TieringProperties rules) {
		List<Rfm.Order> orders = timeline
			.ofKindSince(organisationId, InteractionKind.ORDER_PLACED, now.minus(rules.window()))
			.stream()
			.map(Rfm.Order::of)
			.toList();
		Instant latest = timeline.latestOfKind(organisationId, InteractionKind.ORDER_PLACED)
			.map(Interaction::occurredAt)
			.orElse(null);
		return Rfm.of(orders, latest, timeline.countOfKind(organisationId, InteractionKind.ORDER_PLACED), now,
				rules);
	}

	private Organisation requireOrganisation(String organisationId) {
		if (organisationId == null || organisationId.isBlank()) {
			throw new NotFoundException(Message.of("organisation.not-found", organisationId));
		}
		return organisations.findById(organisationId)
			.orElseThrow(() -> new NotFoundException(Message.of("organisation.not-found", organisationId)));
	}

	private static void requireOverride(Caller caller) {
		if (!mayOverride(caller)) {
			throw new AccessDeniedException("Only managers override tiers");
		}
	}

	/** Every bad field at once. */
	private static TierOverride validated(Caller caller, OverrideInput input, Instant now) {
		Errors errors = new MapBindingResult(new LinkedHashMap<>(), "tierOverride");
		Tier tier = null;
		if (input.tier() == null || input.tier().isBlank()) {
			errors.rejectValue("tier", "tiering.override.tier.required");
		}
		else {
			try {
				tier = Tier.valueOf(input.tier().strip().toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException ex) {
				errors.rejectValue("tier", "tiering.override.tier.unknown");
			}
		}
		String reason = input.reason() == null ? null : input.reason().strip();
		if (reason == null || reason.isEmpty()) {
			errors.rejectValue("reason", "field.required");
		}
		else if (reason.length() > MAX_REASON_LENGTH) {
			errors.rejectValue("reason", "field.too-long", new Object[] { MAX_REASON_LENGTH }, null);
		}
		else if (!TextRules.isPlain(reason, false)) {
			errors.rejectValue("reason", TextRules.problemCode(reason, false));
		}
		LocalDate endDate = null;
		LocalDate today = now.atZone(ZoneOffset.UTC).toLocalDate();
		if (input.endDate() == null || input.endDate().isBlank()) {
			errors.rejectValue("endDate", "tiering.override.end-date.required");
		}
		else {
			try {
				endDate = LocalDate.parse(input.endDate().strip());
				if (endDate.isBefore(today)) {
					errors.rejectValue("endDate", "tiering.override.end-date.past", new Object[] { today }, null);
				}
			}
			catch (DateTimeException ex) {
				errors.rejectValue("endDate", "tiering.override.end-date.format");
			}
		}
		UnprocessableException.throwIfAny(Message.of("tiering.override-invalid"), errors);
		return new TierOverride(tier, reason, endDate, caller.name(), now.truncatedTo(ChronoUnit.MILLIS));
	}
}
