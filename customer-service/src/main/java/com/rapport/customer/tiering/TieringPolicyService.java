package com.rapport.customer.tiering;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

import com.rapport.support.audit.AuditTrail;
import com.rapport.support.error.ConflictException;
import com.rapport.support.error.Message;
import com.rapport.support.error.UnprocessableException;
import com.rapport.support.security.Caller;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.validation.MapBindingResult;
import org.springframework.validation.Errors;

/**
 * The tiering and lifecycle thresholds managers set in the console. Read from the store on every use (no copy
 * in memory that another replica would miss); a save replaces the one document only over the version the editor
 * started from, is audited with every changed threshold, and publishes {@link TieringPolicyChanged} so that every
 * organisation is recomputed with the new rules (see {@link TieringService#recomputeAll()}).
 */
@Service
public class TieringPolicyService {

	static final int MIN_WINDOW_DAYS = 30;

	static final int MAX_WINDOW_DAYS = 1095;

	static final int MAX_DAYS = 3650;

	static final int MAX_ORDERS = 100_000;

	static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000000000");

	private final MongoTemplate mongo;

	private final TieringProperties properties;

	private final Clock clock;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	public TieringPolicyService(MongoTemplate mongo, TieringProperties properties, Clock clock, AuditTrail audit,
			ApplicationEventPublisher events) {
		this.mongo = mongo;
		this.properties = properties;
		this.clock = clock;
		this.audit = audit;
		this.events = events;
	}

	/** The thresholds in force: as last saved, else the configured defaults (version 0). */
	public TieringPolicy current() {
		TieringPolicy stored = mongo.findById(TieringPolicy.CURRENT, TieringPolicy.class);
		return stored != null ? stored : TieringPolicy.of(properties);
	}

	/** The rules to compute with now. */
	public TieringProperties rules() {
		return rulesOf(current());
	}

	TieringProperties rulesOf(TieringPolicy policy) {
		return policy.applyTo(properties);
	}

	public String baseCurrency() {
		return properties.baseCurrency();
	}

	public static boolean mayChange(Caller caller) {
		return caller.hasRole(Caller.MANAGER) || caller.hasRole(Caller.ADMIN);
	}

	/**
	 * Replaces the thresholds. Refused to anyone but managers and admins before anything is read; every bad field
	 * named at once (422); a {@code version} other than the stored one is a conflict (409), as is a save by
	 * someone else between this read and this write. The same thresholds again change nothing.
	 */
	public TieringPolicy update(Caller caller, PolicyInput input, Long version) {
		if (!mayChange(caller)) {
			throw new AccessDeniedException("Only managers change the tiering rules");
		}
		TieringPolicy current = current();
		TieringPolicy wanted = validated(input);
		if (version != null && version != current.version()) {
			throw stale(current);
		}
		if (wanted.sameRulesAs(current)) {
			return current;
		}
		Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
		TieringPolicy saved = new TieringPolicy(TieringPolicy.CURRENT, wanted.windowDays(), wanted.vipMonetary(),
				wanted.vipFrequency(), wanted.vipRecencyDays(), wanted.keyMonetary(), wanted.keyFrequency(),
				wanted.loyalOrders(), wanted.dormantAfterDays(), wanted.churnedAfterDays(), current.version() + 1,
				caller.name(), now, current.recomputedVersion(), current.recomputedAt(),
				current.recomputedOrganisations());
		if (current.version() == 0) {
			try {
				mongo.insert(saved);
			}
			catch (DuplicateKeyException ex) {
				throw stale(current());
			}
		}
		else if (mongo.findAndReplace(Query.query(Criteria.where("_id").is(TieringPolicy.CURRENT)
			.and("version").is(current.version())), saved) == null) {
			throw stale(current());
		}
		audit.record(caller, "tiering-policy.updated", "tiering-policy", TieringPolicy.CURRENT, null,
				changes(current, saved));
		events.publishEvent(new TieringPolicyChanged(saved.version()));
		return saved;
	}

	/** Notes that every organisation was recomputed with {@code version}'s rules (never moves back). */
	void recomputed(long version, int organisations) {
		if (version == 0) {
			return; // the defaults are not stored; nothing to note
		}
		mongo.updateFirst(Query.query(Criteria.where("_id").is(TieringPolicy.CURRENT)
			.and("recomputedVersion").lt(version)), new Update().set("recomputedVersion", version)
			.set("recomputedAt", clock.instant().truncatedTo(ChronoUnit.MILLIS))
			.set("recomputedOrganisations", organisations), TieringPolicy.class);
	}

	private static ConflictException stale(TieringPolicy stored) {
		return new ConflictException(Message.of("tiering.changed-meanwhile", stored.version(), stored.updatedBy()));
	}

	/** The thresholds as a form or a call sends them; {@code null} for a field left out. */
	public record PolicyInput(Integer windowDays, String vipMonetary, Integer vipFrequency, Integer vipRecencyDays,
			String keyMonetary, Integer keyFrequency, Integer loyalOrders, Integer dormantAfterDays,
			Integer churnedAfterDays) {
	}

	/** Every bad field at once, each with what would be right. */
	static TieringPolicy validated(PolicyInput input) {
		Errors errors = new MapBindingResult(new LinkedHashMap<>(), "tieringPolicy");
		Integer window = whole(errors, "windowDays", input.windowDays(), MIN_WINDOW_DAYS, MAX_WINDOW_DAYS);
		BigDecimal vipMonetary = amount(errors, "vipMonetary", input.vipMonetary());
		BigDecimal keyMonetary = amount(errors, "keyMonetary", input.keyMonetary());
		if (vipMonetary != null && keyMonetary != null && keyMonetary.compareTo(vipMonetary) >= 0) {
			errors.rejectValue("keyMonetary", "tiering.key-monetary.below-vip", new Object[] { vipMonetary.toPlainString() },
					null);
		}
		Integer vipFrequency = whole(errors, "vipFrequency", input.vipFrequency(), 1, MAX_ORDERS);
		Integer keyFrequency = whole(errors, "keyFrequency", input.keyFrequency(), 1, MAX_ORDERS);
		if (vipFrequency != null && keyFrequency != null && keyFrequency > vipFrequency) {
			errors.rejectValue("keyFrequency", "tiering.key-frequency.at-most-vip", new Object[] { vipFrequency }, null);
		}
		Integer vipRecency = whole(errors, "vipRecencyDays", input.vipRecencyDays(), 1,
				window != null ? window : MAX_WINDOW_DAYS);
		Integer loyal = whole(errors, "loyalOrders", input.loyalOrders(), 2, MAX_ORDERS);
		Integer dormant = whole(errors, "dormantAfterDays", input.dormantAfterDays(), 1, MAX_DAYS - 1);
		Integer churned = whole(errors, "churnedAfterDays", input.churnedAfterDays(), 2, MAX_DAYS);
		if (dormant != null && churned != null && churned <= dormant) {
			errors.rejectValue("churnedAfterDays", "tiering.churned.after-dormant", new Object[] { dormant }, null);
		}
		UnprocessableException.throwIfAny(Message.of("tiering.rules-invalid"), errors);
		return new TieringPolicy(TieringPolicy.CURRENT, window, vipMonetary, vipFrequency, vipRecency, keyMonetary,
				keyFrequency, loyal, dormant, churned, 0, null, null, 0, null, 0);
	}

	private static Integer whole(Errors errors, String field, Integer value, int min, int max) {
		if (value == null) {
			errors.rejectValue(field, "tiering.whole.required", new Object[] { min, max }, null);
			return null;
		}
		if (value < min || value > max) {
			errors.rejectValue(field, "tiering.whole.range", new Object[] { min, max }, null);
			return null;
		}
		return value;
	}

	private static BigDecimal amount(Errors errors, String field, String value) {
		if (value == null || value.isBlank()) {
			errors.rejectValue(field, "tiering.amount.required");
			return null;
		}
		try {
			BigDecimal amount = new BigDecimal(value.strip().replace(",", "").replace("_", ""));
			if (amount.signum() <= 0 || amount.compareTo(MAX_AMOUNT) > 0 || amount.scale() > 2) {
				errors.rejectValue(field, "tiering.amount.range");
				return null;
			}
			return amount.stripTrailingZeros().scale() < 0 ? amount.setScale(0) : amount.stripTrailingZeros();
		}
		catch (NumberFormatException ex) {
			errors.rejectValue(field, "tiering.amount.format");
			return null;
		}
	}

	/** Each changed threshold, "before → after": thresholds are policy, not personal data. */
	private static Map<String, String> changes(TieringPolicy before, TieringPolicy after) {
		Map<String, String> changes = new LinkedHashMap<>();
		change(changes, "windowDays", before, after, p -> String.valueOf(p.windowDays()));
		change(changes, "vipMonetary", before, after, p -> p.vipMonetary().toPlainString());
		change(changes, "vipFrequency", before, after, p -> String.valueOf(p.vipFrequency()));
		change(changes, "vipRecencyDays", before, after, p -> String.valueOf(p.vipRecencyDays()));
		change(changes, "keyMonetary", before, after, p -> p.keyMonetary().toPlainString());
		change(changes, "keyFrequency", before, after, p -> String.valueOf(p.keyFrequency()));
		change(changes, "loyalOrders", before, after, p -> String.valueOf(p.loyalOrders()));
		change(changes, "dormantAfterDays", before, after, p -> String.valueOf(p.dormantAfterDays()));
		change(changes, "churnedAfterDays", before, after, p -> String.valueOf(p.churnedAfterDays()));
		changes.put("version", String.valueOf(after.version()));
		return changes;
	}

	private static void change(Map<String, String> changes, String field, TieringPolicy before, TieringPolicy after,
			Function<TieringPolicy, String> value) {
		String was = value.apply(before);
		String is = value.apply(after);
		if (new BigDecimal(was).compareTo(new BigDecimal(is)) != 0) {
			changes.put(field, was + " → " + is);
		}
	}
}
