package com.rapport.feedback.settings;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

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
public class SurveySettingsService {

	private final MongoTemplate mongo;

	private final AuditTrail audit;

	private final Clock clock;

	SurveySettingsService(MongoTemplate mongo, AuditTrail audit, Clock clock) {
		this.mongo = mongo;
		this.audit = audit;
		this.clock = clock;
	}

	public SurveySettings current() {
		SurveySettings stored = mongo.findById(SurveySettings.ID, SurveySettings.class);
		return stored == null ? SurveySettings.DEFAULTS : stored;
	}

	public SurveySettings update(Caller caller, boolean cesAfterTicket, boolean cesAfterOrder, long expectedVersion) {
		if (expectedVersion < 0) {
			throw new UnprocessableException(Message.of("feedback.settings-invalid"),
					Map.of("expectedVersion", Message.of("field.not-negative")));
		}
		SurveySettings before = current();
		if (before.version() != expectedVersion) {
			throw new ConflictException(Message.of("feedback.settings.changed-meanwhile"));
		}
		if (before.cesAfterTicket() == cesAfterTicket && before.cesAfterOrder() == cesAfterOrder) {
			return before;
		}
		Update change = new Update().set("cesAfterTicket", cesAfterTicket).set("cesAfterOrder", cesAfterOrder)
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
		audit.record(caller, "survey-settings.updated", "survey-settings", SurveySettings.ID, null, details);
		return after;
	}
}
