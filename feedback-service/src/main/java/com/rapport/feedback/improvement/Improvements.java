package com.rapport.feedback.improvement;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

import com.rapport.support.audit.AuditTrail;
import com.rapport.support.error.ConflictException;
import com.rapport.support.error.Message;
import com.rapport.support.error.UnprocessableException;
import com.rapport.support.security.Caller;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * Records and lists the improvements ("You said, we did"). Managers and admins record them, each once by its id,
 * audited; staff read every one; a customer contact reads those for its own organisation and those for every
 * customer, never another organisation's.
 */
@Service
public class Improvements {

	static final int MAX_SAID = 500;

	static final int MAX_DID = 2000;

	static final int DEFAULT_PAGE = 50;

	static final int MAX_PAGE = 200;

	private static final Pattern ID = Pattern.compile("[A-Za-z0-9-]{1,64}");

	private final MongoTemplate mongo;

	private final AuditTrail audit;

	private final Clock clock;

	Improvements(MongoTemplate mongo, AuditTrail audit, Clock clock) {
		this.mongo = mongo;
		this.audit = audit;
		this.clock = clock;
	}

	/** Stores the improvement once; the same id again answers the one stored (another text under it: refused). */
	public Improvement record(Caller caller, String id, String customerId, String youSaid, String weDid) {
		if (!caller.hasRole(Caller.MANAGER) && !caller.hasRole(Caller.ADMIN)) {
			throw new AccessDeniedException("Managers record what was done because of feedback");
		}
		String organisation = customerId == null || customerId.isBlank() ? null : customerId.strip();
		String said = youSaid == null ? "" : youSaid.strip();
		String did = weDid == null ? "" : weDid.strip();
		Map<String, Message> bad = new LinkedHashMap<>();
		if (id == null || !ID.matcher(id).matches()) {
			bad.put("improvementId", Message.of("feedback.improvement.id"));
		}
		if (organisation != null && !ID.matcher(organisation).matches()) {
			bad.put("customerId", Message.of("feedback.improvement.id"));
		}
		text(bad, "youSaid", said, MAX_SAID);
		text(bad, "weDid", did, MAX_DID);
		if (!bad.isEmpty()) {
			throw new UnprocessableException(Message.of("feedback.improvement-invalid"), bad);
		}
		Improvement improvement = new Improvement(id, organisation, said, did, caller.name(), clock.instant());
		try {
			mongo.insert(improvement);
		}
		catch (DuplicateKeyException ex) {
			Improvement stored = mongo.findById(id, Improvement.class);
			if (stored != null && Objects.equals(stored.customerId(), organisation) && stored.youSaid().equals(said)
					&& stored.weDid().equals(did)) {
				return stored;
			}
			throw new ConflictException(Message.of("feedback.improvement.differs", id));
		}
		Map<String, String> details = new LinkedHashMap<>();
		details.put("for", organisation == null ? "every customer" : organisation);
		details.put("you_said", said);
		audit.record(caller, "improvement.recorded", "improvement", id, organisation, details);
		return improvement;
	}

	/** Newest first, at most {@code size} (see the class for who sees which). */
	public List<Improvement> list(Caller caller, String customerId, int size) {
		int limit = size <= 0 ? DEFAULT_PAGE : Math.min(size, MAX_PAGE);
		if (caller.hasRole(Caller.CUSTOMER)) {
			return caller.customerId().map(own -> mineAndEveryones(own, limit)).orElse(List.of());
		}
		if (!caller.hasRole(Caller.AGENT) && !caller.hasRole(Caller.MANAGER) && !caller.hasRole(Caller.ADMIN)) {
			throw new AccessDeniedException("Improvements are for the customers and the staff");
		}
		if (customerId != null && !customerId.isBlank()) {
			return mineAndEveryones(customerId.strip(), limit);
		}
		return mongo.find(new Query().with(Sort.by(Sort.Direction.DESC, "recordedAt")).limit(limit), Improvement.class);
	}

	private List<Improvement> mineAndEveryones(String customerId, int limit) {
		List<Improvement> found = new ArrayList<>(newest(customerId, limit));
		found.addAll(newest(null, limit));
		found.sort(Comparator.comparing(Improvement::recordedAt).reversed());
		return found.size() > limit ? found.subList(0, limit) : found;
	}

	private List<Improvement> newest(String customerId, int limit) {
		return mongo.find(Query.query(Criteria.where("customerId").is(customerId))
			.with(Sort.by(Sort.Direction.DESC, "recordedAt")).limit(limit), Improvement.class);
	}

	private static void text(Map<String, Message> bad, String field, String value, int max) {
		if (value.isEmpty()) {
			bad.put(field, Message.of("field.required"));
		}
		else if (value.length() > max) {
			bad.put(field, Message.of("field.too-long", max));
		}
	}
}
