package com.rapport.customer.loyalty;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

import com.rapport.customer.organisation.CustomerAccess;
import com.rapport.support.audit.AuditTrail;
import com.rapport.support.error.ConflictException;
import com.rapport.support.error.Message;
import com.rapport.support.error.UnprocessableException;
import com.rapport.support.security.Caller;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.validation.Errors;
import org.springframework.validation.MapBindingResult;

/**
 * The earning and expiry rules managers set in the console. Read from the store on every use (no copy in memory a
 * second replica would miss); a save replaces the one document only over the version read, and is audited with
 * every changed rule. A change applies to orders delivered from then on and to the next expiry run: points already
 * earned stay as they were earned.
 */
@Service
public class LoyaltyRulesService {

	private final MongoTemplate mongo;

	private final LoyaltyProperties properties;

	private final Clock clock;

	private final AuditTrail audit;

	public LoyaltyRulesService(MongoTemplate mongo, LoyaltyProperties properties, Clock clock, AuditTrail audit) {
		this.mongo = mongo;
		this.properties = properties;
		this.clock = clock;
		this.audit = audit;
	}

	/** The rules in force: as last saved, else the configured defaults (version 0). */
	public LoyaltyRules current() {
		LoyaltyRules stored = mongo.findById(LoyaltyRules.CURRENT, LoyaltyRules.class);
		return stored != null ? stored : LoyaltyRules.of(properties);
	}

	public static boolean mayChange(Caller caller) {
		return caller.hasRole(Caller.MANAGER) || caller.hasRole(Caller.ADMIN);
	}

	/** Staff read the rules (the portal states the multipliers through the account instead). */
	public LoyaltyRules read(Caller caller) {
		if (!CustomerAccess.isStaff(caller)) {
			throw new AccessDeniedException("The loyalty rules are for staff");
		}
		return current();
	}

	/** The rules as a form or call sends them; {@code null} for a field left out. */
	public record RulesInput(String pointsPerUnit, String vipMultiplier, String keyMultiplier, String normalMultiplier,
			Integer expiryMonths, Long referralBonus) {

		/** Without a referral bonus: the one in force is kept. */
		public RulesInput(String pointsPerUnit, String vipMultiplier, String keyMultiplier, String normalMultiplier,
				Integer expiryMonths) {
			this(pointsPerUnit, vipMultiplier, keyMultiplier, normalMultiplier, expiryMonths, null);
		}
	}

	/**
	 * Replaces the rules: managers and admins only, before anything is read; every bad field named at once (422); a
	 * {@code version} other than the stored one, or a save by someone else meanwhile, is a conflict (409). The same
	 * rules again change nothing.
	 */
	public LoyaltyRules update(Caller caller, RulesInput input, Long version) {
		if (!mayChange(caller)) {
			throw new AccessDeniedException("Only managers change the loyalty rules");
		}
		LoyaltyRules current = current();
		LoyaltyRules wanted = validated(input.referralBonus() != null ? input
				: new RulesInput(input.pointsPerUnit(), input.vipMultiplier(), input.keyMultiplier(),
						input.normalMultiplier(), input.expiryMonths(), current.referralBonus()));
		if (version != null && version != current.version()) {
			throw stale(current);
		}
		if (wanted.sameRulesAs(current)) {
			return current;
		}
		Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
		LoyaltyRules saved = new LoyaltyRules(LoyaltyRules.CURRENT, wanted.pointsPerUnit(), wanted.vipMultiplier(),
				wanted.keyMultiplier(), wanted.normalMultiplier(), wanted.expiryMonths(), current.version() + 1,
				caller.name(), now, wanted.referralBonus());
		if (current.version() == 0) {
			try {
				mongo.insert(saved);
			}
			catch (DuplicateKeyException ex) {
				throw stale(current());
			}
		}
		else if (mongo.findAndReplace(Query.query(Criteria.where("_id").is(LoyaltyRules.CURRENT)
			.and("version").is(current.version())), saved) == null) {
			throw stale(current());
		}
		audit.record(caller, "loyalty-rules.updated", "loyalty-rules", LoyaltyRules.CURRENT, null, changes(current, saved));
		return saved;
	}

	private static ConflictException stale(LoyaltyRules stored) {
		return new ConflictException(Message.of("loyalty.rules.changed-meanwhile", stored.version(),
				stored.updatedBy() == null ? "" : stored.updatedBy()));
	}

	private static Map<String, String> changes(LoyaltyRules before, LoyaltyRules after) {
		Map<String, String> changed = new LinkedHashMap<>();
		change(changed, "pointsPerUnit", before.pointsPerUnit(), after.pointsPerUnit());
		change(changed, "vipMultiplier", before.vipMultiplier(), after.vipMultiplier());
		change(changed, "keyMultiplier", before.keyMultiplier(), after.keyMultiplier());
		change(changed, "normalMultiplier", before.normalMultiplier(), after.normalMultiplier());
		if (before.expiryMonths() != after.expiryMonths()) {
			changed.put("expiryMonths", before.expiryMonths() + " → " + after.expiryMonths());
		}
		if (before.referralBonus().longValue() != after.referralBonus().longValue()) {
			changed.put("referralBonus", before.referralBonus() + " → " + after.referralBonus());
		}
		return changed;
	}

	private static void change(Map<String, String> changed, String field, BigDecimal before, BigDecimal after) {
		if (before.compareTo(after) != 0) {
			changed.put(field, before.toPlainString() + " → " + after.toPlainString());
		}
	}

	/** Every bad field at once, each with what would be right. */
	static LoyaltyRules validated(RulesInput input) {
		Errors errors = new MapBindingResult(new LinkedHashMap<>(), "loyaltyRules");
		BigDecimal perUnit = decimal(errors, "pointsPerUnit", input.pointsPerUnit(), false,
				LoyaltyRules.MAX_POINTS_PER_UNIT, "loyalty.rules.points-per-unit.range");
		BigDecimal vip = decimal(errors, "vipMultiplier", input.vipMultiplier(), true, LoyaltyRules.MAX_MULTIPLIER,
				"loyalty.rules.multiplier.range");
		BigDecimal key = decimal(errors, "keyMultiplier", input.keyMultiplier(), true, LoyaltyRules.MAX_MULTIPLIER,
				"loyalty.rules.multiplier.range");
		BigDecimal normal = decimal(errors, "normalMultiplier", input.normalMultiplier(), true,
				LoyaltyRules.MAX_MULTIPLIER, "loyalty.rules.multiplier.range");
		Integer months = input.expiryMonths();
		if (months == null || months < 1 || months > LoyaltyRules.MAX_EXPIRY_MONTHS) {
			errors.rejectValue("expiryMonths", "loyalty.rules.expiry-months.range",
					new Object[] { LoyaltyRules.MAX_EXPIRY_MONTHS }, null);
		}
		Long bonus = input.referralBonus() == null ? Long.valueOf(0) : input.referralBonus();
		if (bonus < 0 || bonus > LoyaltyRules.MAX_REFERRAL_BONUS) {
			errors.rejectValue("referralBonus", "loyalty.rules.referral-bonus.range",
					new Object[] { LoyaltyRules.MAX_REFERRAL_BONUS }, null);
		}
		UnprocessableException.throwIfAny(Message.of("loyalty.rules-invalid"), errors);
		return new LoyaltyRules(LoyaltyRules.CURRENT, perUnit, vip, key, normal, months, 0, null, null, bonus);
	}

	/** A decimal with at most 4 decimals, above 0 (or from 0 when {@code zeroAllowed}) and at most {@code max}. */
	private static BigDecimal decimal(Errors errors, String field, String value, boolean zeroAllowed, BigDecimal max,
			String rangeCode) {
		if (value == null || value.isBlank()) {
			errors.rejectValue(field, rangeCode, new Object[] { max.toPlainString() }, null);
			return null;
		}
		try {
			BigDecimal number = new BigDecimal(value.strip());
			if ((zeroAllowed ? number.signum() < 0 : number.signum() <= 0) || number.compareTo(max) > 0
					|| number.stripTrailingZeros().scale() > 4) {
				errors.rejectValue(field, rangeCode, new Object[] { max.toPlainString() }, null);
				return null;
			}
			return number.stripTrailingZeros().scale() < 0 ? number.setScale(0) : number.stripTrailingZeros();
		}
		catch (NumberFormatException ex) {
			errors.rejectValue(field, rangeCode, new Object[] { max.toPlainString() }, null);
			return null;
		}
	}
}
