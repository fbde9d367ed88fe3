package com.rapport.ordertracking.receivables;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.rapport.support.audit.AuditTrail;
import com.rapport.support.error.Message;
import com.rapport.support.error.UnprocessableException;
import com.rapport.support.security.Caller;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * The reminder cadence in force: as a manager saved it ({@code receivables_settings}, one document), else the
 * service's setting {@code rapport.receivables.offsets} (-3, 0, 7, 21). Staff read it; managers and admins change it.
 */
@Component
@EnableConfigurationProperties(ReceivablesProperties.class)
public class CadenceSettings {

	static final String ID = "cadence";

	private final MongoTemplate mongo;

	private final ReceivablesProperties properties;

	private final AuditTrail audit;

	private final Clock clock;

	CadenceSettings(MongoTemplate mongo, ReceivablesProperties properties, AuditTrail audit, Clock clock) {
		this.mongo = mongo;
		this.properties = properties;
		this.audit = audit;
		this.clock = clock;
	}

	@Document("receivables_settings")
	record Saved(@Id String id, List<Integer> offsets, String updatedBy, Instant updatedAt) {
	}

	/** The cadence in force, and whether a manager set it. */
	public record Current(ReminderCadence cadence, boolean customised) {
	}

	public Current current() {
		Saved saved = mongo.findById(ID, Saved.class);
		return saved == null ? new Current(new ReminderCadence(properties.offsets()), false)
				: new Current(new ReminderCadence(saved.offsets()), true);
	}

	public Current read(Caller caller) {
		if (!Receivables.isStaff(caller)) {
			throw new AccessDeniedException("The reminder cadence is for staff");
		}
		return current();
	}

	public Current update(Caller caller, List<Integer> offsets) {
		if (!(caller.hasRole(Caller.MANAGER) || caller.hasRole(Caller.ADMIN))) {
			throw new AccessDeniedException("The reminder cadence is the managers'");
		}
		String problem = ReminderCadence.problemWith(offsets);
		if (problem != null) {
			throw UnprocessableException.field(Message.of("receivables.cadence.invalid"), "offsets_days",
					Message.of(problem));
		}
		mongo.save(new Saved(ID, List.copyOf(offsets), caller.name(), clock.instant()));
		audit.record(caller, "receivables.cadence-changed", "receivables-settings", ID, null,
				Map.of("offsets", offsets.toString()));
		return current();
	}
}
