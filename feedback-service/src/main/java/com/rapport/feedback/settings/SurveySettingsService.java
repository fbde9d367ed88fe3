package com.rapport.feedback.settings;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

import com.rapport.feedback.response.FollowUpPolicy;
import com.rapport.feedback.response.FollowUpRules;
import com.rapport.feedback.response.FollowUpThresholds;
import com.rapport.support.audit.AuditTrail;
import com.rapport.support.error.ConflictException;
import com.rapport.support.error.Message;
import com.rapport.support.error.UnprocessableException;
import com.rapport.support.security.Caller;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * The survey settings in force, and the managers' changes: saved only over the version read (a conditional write,
 * so two managers never overwrite each other unseen), each change audited with what changed.
 */
@Service
public class SurveySettingsService implements FollowUpThresholds {

	private final MongoTemplate mongo;

	private final AuditTrail audit;

	private final Clock clock;

	private final FollowUpRules defaults;

	SurveySettingsService(MongoTemplate mongo, AuditTrail audit, Clock clock, FollowUpPolicy policy) {
		this.mongo = mongo;
		this.audit = audit;
		this.clock = clock;
		this.defaults = policy.defaults();
	}

	public SurveySettings current() {
		SurveySettings stored = mongo.findById(SurveySettings.ID, SurveySettings.class);
		return stored == null ? SurveySettings.DEFAULTS : stored;
	}

	/** The follow-up rules in force: the managers' thresholds, the service's defaults for any they did not set. */
	@Override
	public FollowUpRules rules() {
		return rulesOf(current());
	}

	/** The follow-up rules {@code settings} make. */
	public FollowUpRules rulesOf(SurveySettings settings) {
		return settings.followUps(defaults);
	}

	/**
	 * Saves the settings over the version read. {@code followUps} null keeps the follow-up thresholds as they are;
	 * out of range (CSAT 1 to 5, NPS -1 to 10) is refused naming the field, nothing saved.
	 */
	public SurveySettings update(Caller caller, boolean cesAfterTicket, boolean cesAfterOrder, FollowUpRules followUps,
			long expectedVersion) {
		Map<String, Message> invalid = new LinkedHashMap<>();
		if (expectedVersion < 0) {
			invalid.put("expectedVersion", Message.of("field.not-negative"));
		}
		if (followUps != null && (followUps.csatBelow() < 1 || followUps.csatBelow() > 5)) {
			invalid.put("followUpCsatBelow", Message.of("feedback.settings.threshold.range", 1, 5));
		}
		if (followUps != null && (followUps.npsAtMost() < FollowUpRules.NO_NPS || followUps.npsAtMost() > 10)) {
			invalid.put("followUpNpsAtMost", Message.of("feedback.settings.threshold.range", FollowUpRules.NO_NPS, 10));
		}
		if (!invalid.isEmpty()) {
			throw new UnprocessableException(Message.of("feedback.settings-invalid"), invalid);
		}
		SurveySettings before = current();
		if (before.version() != expectedVersion) {
			throw new ConflictException(Message.of("feedback.settings.changed-meanwhile"));
		}
		FollowUpRules rulesBefore = before.followUps(defaults);
		FollowUpRules rulesAfter = followUps == null ? rulesBefore : followUps;
		if (before.cesAfterTicket() == cesAfterTicket && before.cesAfterOrder() == cesAfterOrder
				&& rulesBefore.equals(rulesAfter)) {
			return before;
		}
		Update change = new Update().set("cesAfterTicket", cesAfterTicket).set("cesAfterOrder", cesAfterOrder)
			.set("followUpCsatBelow", rulesAfter.csatBelow()).set("followUpNpsAtMost", rulesAfter.npsAtMost())
			.set("followUpOnComments", rulesAfter.onComments())
			.set("version", expectedVersion + 1).set("updatedBy", caller.name()).set("updatedAt", clock.instant());
		try {
			// Matches only the version read; the first save stores the defaults' replacement (an upsert). Saved meanwhile:
			// the upsert would make a second document of the same id, which the store refuses.
			mongo.upsert(Query.query(Criteria.where("_id").is(SurveySettings.ID).and("version").is(expectedVersion)),
					change, SurveySettings.class);
		}
		catch (DuplicateKeyException ex) {
			throw new ConflictException(Message.of("feedback.settings.changed-meanwhile"));
		}
		SurveySettings after = current();
		Map<String, String> details = new LinkedHashMap<>();
		details.put("ces_after_ticket", before.cesAfterTicket() + " -> " + after.cesAfterTicket());
		details.put("ces_after_order", before.cesAfterOrder() + " -> " + after.cesAfterOrder());
		FollowUpRules rulesSaved = after.followUps(defaults);
		details.put("follow_up_csat_below", rulesBefore.csatBelow() + " -> " + rulesSaved.csatBelow());
		details.put("follow_up_nps_at_most", rulesBefore.npsAtMost() + " -> " + rulesSaved.npsAtMost());
		details.put("follow_up_on_comments", rulesBefore.onComments() + " -> " + rulesSaved.onComments());
		audit.record(caller, "survey-settings.updated", "survey-settings", SurveySettings.ID, null, details);
		return after;
	}
}
