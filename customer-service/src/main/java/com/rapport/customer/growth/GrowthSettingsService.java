package com.rapport.customer.growth;

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

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.validation.Errors;
import org.springframework.validation.MapBindingResult;

/**
 * The churn-risk threshold and the reorder lead days managers set in the console. Read from the store on every use
 * (no copy in memory a second replica would miss; the nightly run reads them once); a save replaces the one
 * document only over the version read, is audited with every changed setting, and a new threshold is applied to
 * every organisation's last computed score at once ({@link GrowthSettingsChanged}).
 */
@Service
public class GrowthSettingsService {

	private final MongoTemplate mongo;

	private final GrowthProperties properties;

	private final Clock clock;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	public GrowthSettingsService(MongoTemplate mongo, GrowthProperties properties, Clock clock, AuditTrail audit,
			ApplicationEventPublisher events) {
		this.mongo = mongo;
		this.properties = properties;
		this.clock = clock;
		this.audit = audit;
		this.events = events;
	}

	/** The settings in force: as last saved, else the configured defaults (version 0). */
	public GrowthSettings current() {
		GrowthSettings stored = mongo.findById(GrowthSettings.CURRENT, GrowthSettings.class);
		return stored != null ? stored : GrowthSettings.of(properties);
	}

	public static boolean mayChange(Caller caller) {
		return caller.hasRole(Caller.MANAGER) || caller.hasRole(Caller.ADMIN);
	}

	/** Staff read them. */
	public GrowthSettings read(Caller caller) {
		if (!CustomerAccess.isStaff(caller)) {
			throw new AccessDeniedException("The growth settings are for staff");
		}
		return current();
	}

	/**
	 * Replaces the settings: managers and admins only, before anything is read; every bad field named at once
	 * (422); a {@code version} other than the stored one, or a save by someone else meanwhile, is a conflict (409).
	 * The same settings again change nothing.
	 */
	public GrowthSettings update(Caller caller, int riskThreshold, int reorderLeadDays, long version) {
		if (!mayChange(caller)) {
			throw new AccessDeniedException("Only managers change the growth settings");
		}
		Errors errors = new MapBindingResult(new LinkedHashMap<>(), "growthSettings");
		if (riskThreshold < 1 || riskThreshold > GrowthSettings.MAX_THRESHOLD) {
			errors.rejectValue("riskThreshold", "growth.settings.risk-threshold.range");
		}
		if (reorderLeadDays < 0 || reorderLeadDays > GrowthSettings.MAX_LEAD_DAYS) {
			errors.rejectValue("reorderLeadDays", "growth.settings.lead-days.range");
		}
		UnprocessableException.throwIfAny(Message.of("growth.settings-invalid"), errors);
		GrowthSettings current = current();
		if (version != current.version()) {
			throw stale(current);
		}
		Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
		GrowthSettings saved = new GrowthSettings(GrowthSettings.CURRENT, riskThreshold, reorderLeadDays,
				current.version() + 1, caller.name(), now);
		if (saved.sameAs(current)) {
			return current;
		}
		if (current.version() == 0) {
			try {
				mongo.insert(saved);
			}
			catch (DuplicateKeyException ex) {
				throw stale(current());
			}
		}
		else if (mongo.findAndReplace(Query.query(Criteria.where("_id").is(GrowthSettings.CURRENT)
			.and("version").is(current.version())), saved) == null) {
			throw stale(current());
		}
		audit.record(caller, "growth-settings.updated", "growth-settings", GrowthSettings.CURRENT, null,
				changes(current, saved));
		events.publishEvent(new GrowthSettingsChanged(current, saved));
		return saved;
	}

	private static ConflictException stale(GrowthSettings stored) {
		return new ConflictException(Message.of("growth.settings.changed-meanwhile", stored.version(),
				stored.updatedBy() == null ? "" : stored.updatedBy()));
	}

	private static Map<String, String> changes(GrowthSettings before, GrowthSettings after) {
		Map<String, String> changed = new LinkedHashMap<>();
		if (before.riskThreshold() != after.riskThreshold()) {
			changed.put("riskThreshold", before.riskThreshold() + " → " + after.riskThreshold());
		}
		if (before.reorderLeadDays() != after.reorderLeadDays()) {
			changed.put("reorderLeadDays", before.reorderLeadDays() + " → " + after.reorderLeadDays());
		}
		return changed;
	}
}
