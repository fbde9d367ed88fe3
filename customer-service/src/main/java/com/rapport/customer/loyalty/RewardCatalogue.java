package com.rapport.customer.loyalty;

import java.text.Normalizer;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import com.rapport.customer.organisation.CustomerAccess;
import com.rapport.support.audit.AuditTrail;
import com.rapport.support.error.ConflictException;
import com.rapport.support.error.Message;
import com.rapport.support.error.NotFoundException;
import com.rapport.support.error.UnprocessableException;
import com.rapport.support.security.Caller;
import com.rapport.support.validation.TextRules;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.validation.Errors;
import org.springframework.validation.MapBindingResult;

/**
 * The reward catalogue managers maintain: customers see the active rewards, staff every one; managers and admins
 * create and replace them (over the version read), audited. Stock is taken and given back here, atomically.
 */
@Service
public class RewardCatalogue {

	static final int MAX_NAME = 100;

	static final int MAX_DESCRIPTION = 500;

	static final long MAX_COST = 100_000_000L;

	private final RewardRepository rewards;

	private final MongoTemplate mongo;

	private final Clock clock;

	private final AuditTrail audit;

	public RewardCatalogue(RewardRepository rewards, MongoTemplate mongo, Clock clock, AuditTrail audit) {
		this.rewards = rewards;
		this.mongo = mongo;
		this.clock = clock;
		this.audit = audit;
	}

	/** The rewards a caller may see: staff every one, anyone else the active ones; cheapest first. */
	public List<Reward> list(Caller caller) {
		return CustomerAccess.isStaff(caller) ? rewards.findAllByOrderByPointsCostAscIdAsc()
				: rewards.findByActiveTrueOrderByPointsCostAscIdAsc();
	}

	public java.util.Optional<Reward> find(String id) {
		return id == null || id.isBlank() ? java.util.Optional.empty() : rewards.findById(id);
	}

	/** A reward as the console's form sends it; {@code null} for a field left out. */
	public record RewardInput(String id, RewardKind kind, String nameEn, String nameZh, String descriptionEn,
			String descriptionZh, Long pointsCost, Long stock, Integer limitPerOrganisation, boolean active) {
	}

	/**
	 * Creates the reward ({@code version} 0 or {@code null}: a new id from its English name) or replaces it over the
	 * version read. Managers and admins only, before anything is read.
	 */
	public Reward save(Caller caller, RewardInput input, Long version) {
		if (!LoyaltyRulesService.mayChange(caller)) {
			throw new AccessDeniedException("Only managers maintain the reward catalogue");
		}
		validate(input);
		Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
		boolean create = version == null || version == 0;
		if (create) {
			String id = newId(input.nameEn());
			Reward reward = of(id, input, 1, now, now);
			try {
				rewards.insert(reward);
			}
			catch (DuplicateKeyException ex) {
				throw new ConflictException(Message.of("loyalty.reward.changed-meanwhile", id));
			}
			audit.record(caller, "loyalty-reward.created", "loyalty-reward", id, null, Map.of("pointsCost",
					String.valueOf(reward.pointsCost()), "active", String.valueOf(reward.active())));
			return reward;
		}
		Reward current = find(input.id())
			.orElseThrow(() -> new NotFoundException(Message.of("loyalty.reward.not-found", input.id())));
		if (current.version() != version) {
			throw new ConflictException(Message.of("loyalty.reward.changed-meanwhile", current.id()));
		}
		Reward saved = of(current.id(), input, current.version() + 1, current.createdAt(), now);
		if (mongo.findAndReplace(Query.query(Criteria.where("_id").is(current.id()).and("version").is(version)),
				saved) == null) {
			throw new ConflictException(Message.of("loyalty.reward.changed-meanwhile", current.id()));
		}
		audit.record(caller, "loyalty-reward.updated", "loyalty-reward", current.id(), null, changes(current, saved));
		return saved;
	}

	private static Reward of(String id, RewardInput input, long version, Instant created, Instant now) {
		return new Reward(id, input.kind(), input.nameEn().strip(), input.nameZh().strip(), blankToNull(input.descriptionEn()),
				blankToNull(input.descriptionZh()), input.pointsCost(), input.stock(),
				input.limitPerOrganisation() == null ? 0 : input.limitPerOrganisation(), input.active(), version, created,
				now);
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

	private static Map<String, String> changes(Reward before, Reward after) {
		Map<String, String> changed = new LinkedHashMap<>();
		if (!Objects.equals(before.pointsCost(), after.pointsCost())) {
			changed.put("pointsCost", before.pointsCost() + " → " + after.pointsCost());
		}
		if (!Objects.equals(before.stock(), after.stock())) {
			changed.put("stock", before.stock() + " → " + after.stock());
		}
		if (before.limitPerOrganisation() != after.limitPerOrganisation()) {
			changed.put("limitPerOrganisation", before.limitPerOrganisation() + " → " + after.limitPerOrganisation());
		}
		if (before.active() != after.active()) {
			changed.put("active", before.active() + " → " + after.active());
		}
		if (before.kind() != after.kind()) {
			changed.put("kind", before.kind() + " → " + after.kind());
		}
		if (!Objects.equals(before.nameEn(), after.nameEn()) || !Objects.equals(before.nameZh(), after.nameZh())
				|| !Objects.equals(before.descriptionEn(), after.descriptionEn())
				|| !Objects.equals(before.descriptionZh(), after.descriptionZh())) {
			changed.put("texts", "changed");
		}
		return changed;
	}

	/** A readable id from the English name, with a short random tail so two rewards of one name never clash. */
	private static String newId(String nameEn) {
		String slug = Normalizer.normalize(nameEn, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
			.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
		slug = slug.length() > 40 ? slug.substring(0, 40) : slug;
		return (slug.isEmpty() ? "reward" : slug) + "-" + UUID.randomUUID().toString().substring(0, 6);
	}

	private static void validate(RewardInput input) {
		Errors errors = new MapBindingResult(new LinkedHashMap<>(), "reward");
		if (input.kind() == null) {
			errors.rejectValue("kind", "field.one-of", new Object[] { "CREDIT_NOTE, FREE_SHIPPING, TRAINING, PRIORITY_SUPPORT" },
					null);
		}
		text(errors, "nameEn", input.nameEn(), true, MAX_NAME);
		text(errors, "nameZh", input.nameZh(), true, MAX_NAME);
		text(errors, "descriptionEn", input.descriptionEn(), false, MAX_DESCRIPTION);
		text(errors, "descriptionZh", input.descriptionZh(), false, MAX_DESCRIPTION);
		if (input.pointsCost() == null || input.pointsCost() < 1 || input.pointsCost() > MAX_COST) {
			errors.rejectValue("pointsCost", "loyalty.reward.cost.range", new Object[] { MAX_COST }, null);
		}
		if (input.stock() != null && input.stock() < 0) {
			errors.rejectValue("stock", "loyalty.reward.stock.range");
		}
		if (input.limitPerOrganisation() != null && (input.limitPerOrganisation() < 0 || input.limitPerOrganisation() > 1000)) {
			errors.rejectValue("limitPerOrganisation", "loyalty.reward.limit.range");
		}
		UnprocessableException.throwIfAny(Message.of("loyalty.reward-invalid"), errors);
	}

	private static void text(Errors errors, String field, String value, boolean required, int max) {
		if (value == null || value.isBlank()) {
			if (required) {
				errors.rejectValue(field, "field.required");
			}
			return;
		}
		if (value.strip().length() > max) {
			errors.rejectValue(field, "field.max-length", new Object[] { max }, null);
		}
		else if (!TextRules.isPlain(value, field.startsWith("description"))) {
			errors.rejectValue(field, TextRules.problemCode(value, field.startsWith("description")));
		}
	}

	/** Takes one from the stock if there is one left (and the reward is active): atomic, so never below zero. */
	boolean takeOne(Reward reward) {
		if (reward.stock() == null) {
			return mongo.exists(Query.query(Criteria.where("_id").is(reward.id()).and("active").is(true)), Reward.class);
		}
		return mongo.updateFirst(Query.query(Criteria.where("_id").is(reward.id()).and("active").is(true)
			.and("stock").gte(1)), new Update().inc("stock", -1), Reward.class).getModifiedCount() == 1;
	}

	/** Gives back what {@link #takeOne} took when the redemption was refused after all. */
	void giveBack(Reward reward) {
		if (reward.stock() != null) {
			mongo.updateFirst(Query.query(Criteria.where("_id").is(reward.id()).and("stock").ne(null)),
					new Update().inc("stock", 1), Reward.class);
		}
	}
}
