package com.rapport.ordertracking.incident;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.rapport.ordertracking.customer.CustomerDirectory;
import com.rapport.support.audit.AuditTrail;
import com.rapport.support.error.Message;
import com.rapport.support.error.UnprocessableException;
import com.rapport.support.security.Caller;
import com.rapport.support.validation.TextRules;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Slice;
import org.springframework.data.domain.SliceImpl;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * Previews, sends and lists incident notices. Staff (agents, managers, admins) preview and list; managers and
 * admins send, since a notice speaks for the supplier to many customers at once. Sending stores the notice, then
 * one recipient per affected organisation in batches (each with its mail and its timeline entry waiting, the
 * outboxes the notification fan-out and {@link IncidentTimelineOutbox} empty), then marks the notice complete and
 * audits it. The notice id is the caller's: a repeat answers the stored notice, finishing a send cut short, and
 * stores nothing twice.
 */
@Service
public class IncidentNotices {

	static final int MAX_TEXT = 2000;

	static final int PREVIEW_ORGANISATIONS = 50;

	static final int PREVIEW_NUMBERS = 5;

	static final int BATCH = 500;

	static final int DEFAULT_PAGE_SIZE = 20;

	static final int MAX_PAGE_SIZE = 100;

	private static final Pattern NOTICE_ID = Pattern.compile("[A-Za-z0-9-]{1,64}");

	private final AffectedOrders affected;

	private final MongoTemplate mongo;

	private final CustomerDirectory customers;

	private final AuditTrail audit;

	private final Clock clock;

	IncidentNotices(AffectedOrders affected, MongoTemplate mongo, CustomerDirectory customers, AuditTrail audit,
			Clock clock) {
		this.affected = affected;
		this.mongo = mongo;
		this.customers = customers;
		this.audit = audit;
		this.clock = clock;
	}

	/** An organisation in a preview: its name (empty when customer-service cannot say) and a few order numbers. */
	public record Organisation(String customerId, String name, int orderCount, List<String> orderNumbers) {
	}

	public record Preview(int orderCount, int organisationCount, List<Organisation> organisations,
			List<String> unmatched, int maxOrders) {
	}

	/** What the selection holds, storing nothing; one that holds no order answers zero counts. */
	public Preview preview(Caller caller, IncidentSelection selection) {
		requireStaff(caller);
		selection.check();
		AffectedOrders.Affected found = affected.of(selection);
		List<Organisation> shown = new ArrayList<>();
		for (Map.Entry<String, List<String>> entry : found.byOrganisation().entrySet()) {
			if (shown.size() == PREVIEW_ORGANISATIONS) {
				break;
			}
			List<String> numbers = entry.getValue();
			shown.add(new Organisation(entry.getKey(), customers.nameOf(entry.getKey()).orElse(""), numbers.size(),
					numbers.subList(0, Math.min(PREVIEW_NUMBERS, numbers.size()))));
		}
		return new Preview(found.orderCount(), found.byOrganisation().size(), shown, found.unmatched(),
				affected.maxOrders());
	}

	/** Sends the notice once (see the class); answers it as stored. */
	public IncidentNotice send(Caller caller, String noticeId, IncidentSelection selection, String cause,
			String correctiveAction) {
		requireSender(caller);
		check(noticeId, cause, correctiveAction);
		IncidentNotice stored = mongo.findById(noticeId, IncidentNotice.class);
		if (stored != null) {
			return stored.complete() ? stored : finish(caller, stored);
		}
		selection.check();
		AffectedOrders.Affected found = affected.of(selection);
		if (found.orderCount() == 0) {
			throw UnprocessableException.field(Message.of("incidents.no-orders"), "selection",
					Message.of("incidents.no-orders.field"));
		}
		IncidentNotice notice = new IncidentNotice(noticeId, selection, cause.strip(), correctiveAction.strip(),
				caller.name(), clock.instant(), found.orderCount(), found.byOrganisation().size(), false);
		try {
			mongo.insert(notice);
		}
		catch (DuplicateKeyException concurrent) {
			IncidentNotice first = mongo.findById(noticeId, IncidentNotice.class);
			return first.complete() ? first : finish(caller, first);
		}
		store(notice, found);
		return complete(caller, notice);
	}

	/** A send cut short after the notice was stored: the same selection again, the missing recipients added. */
	private IncidentNotice finish(Caller caller, IncidentNotice notice) {
		store(notice, affected.of(notice.selection()));
		return complete(caller, notice);
	}

	private IncidentNotice complete(Caller caller, IncidentNotice notice) {
		mongo.updateFirst(Query.query(Criteria.where("_id").is(notice.id())), new Update().set("complete", true),
				IncidentNotice.class);
		Map<String, String> details = new LinkedHashMap<>(notice.selection().facts());
		details.put("order_count", String.valueOf(notice.orderCount()));
		details.put("organisation_count", String.valueOf(notice.organisationCount()));
		audit.record(caller, "incident.notice-sent", "incident", notice.id(), null, details);
		return new IncidentNotice(notice.id(), notice.selection(), notice.cause(), notice.correctiveAction(),
				notice.createdBy(), notice.createdAt(), notice.orderCount(), notice.organisationCount(), true);
	}

	/** One recipient per organisation, {@value #BATCH} to a write; those already stored are left as they are. */
	private void store(IncidentNotice notice, AffectedOrders.Affected found) {
		List<IncidentRecipient> batch = new ArrayList<>(BATCH);
		for (Map.Entry<String, List<String>> entry : found.byOrganisation().entrySet()) {
			batch.add(recipient(notice, entry.getKey(), entry.getValue()));
			if (batch.size() == BATCH) {
				insertMissing(batch);
				batch.clear();
			}
		}
		insertMissing(batch);
	}

	private static IncidentRecipient recipient(IncidentNotice notice, String customerId, List<String> numbers) {
		Instant at = notice.createdAt();
		return new IncidentRecipient(IncidentRecipient.idOf(notice.id(), customerId), notice.id(), customerId,
				numbers.size(), numbers.subList(0, Math.min(IncidentRecipient.NUMBERS_KEPT, numbers.size())),
				notice.selection().kind() == IncidentSelection.Kind.SKU ? notice.selection().sku() : null,
				notice.cause(), notice.correctiveAction(), at,
				List.of(new IncidentRecipient.Pending(IncidentRecipients.mailEventId(notice.id()), at)),
				List.of(new IncidentRecipient.Pending(IncidentTimelineOutbox.eventId(notice.id(), customerId), at)),
				List.of());
	}

	private void insertMissing(List<IncidentRecipient> batch) {
		if (batch.isEmpty()) {
			return;
		}
		Query existing = Query.query(Criteria.where("_id").in(batch.stream().map(IncidentRecipient::id).toList()));
		existing.fields().include("_id");
		Set<String> stored = new HashSet<>();
		mongo.find(existing, org.bson.Document.class, "incident_recipients")
			.forEach(doc -> stored.add(doc.getString("_id")));
		List<IncidentRecipient> missing = batch.stream().filter(r -> !stored.contains(r.id())).toList();
		if (missing.isEmpty()) {
			return;
		}
		try {
			mongo.insert(missing, IncidentRecipient.class);
		}
		catch (DuplicateKeyException raced) {
			// Another replica sends the same notice at the same time: one by one, each stored once.
			for (IncidentRecipient recipient : missing) {
				try {
					mongo.insert(recipient);
				}
				catch (DuplicateKeyException already) {
					// stored by the other
				}
			}
		}
	}

	/** The notices, newest first, by the index {@code created}. */
	public Slice<IncidentNotice> list(Caller caller, int page, int size) {
		requireStaff(caller);
		PageRequest request = PageRequest.of(Math.max(page, 0),
				size <= 0 ? DEFAULT_PAGE_SIZE : Math.min(size, MAX_PAGE_SIZE));
		Query query = new Query().with(Sort.by(Sort.Direction.DESC, "createdAt")).skip(request.getOffset())
			.limit(request.getPageSize() + 1);
		List<IncidentNotice> found = mongo.find(query, IncidentNotice.class);
		boolean more = found.size() > request.getPageSize();
		return new SliceImpl<>(more ? found.subList(0, request.getPageSize()) : found, request, more);
	}

	private static void check(String noticeId, String cause, String correctiveAction) {
		Map<String, Message> bad = new LinkedHashMap<>();
		if (noticeId == null || !NOTICE_ID.matcher(noticeId).matches()) {
			bad.put("notice_id", Message.of("incidents.notice-id.format"));
		}
		text(bad, "cause", cause);
		text(bad, "corrective_action", correctiveAction);
		if (!bad.isEmpty()) {
			throw new UnprocessableException(Message.of("problem.invalid-fields"), bad);
		}
	}

	private static void text(Map<String, Message> bad, String field, String value) {
		if (value == null || value.isBlank()) {
			bad.put(field, Message.of("field.required"));
		}
		else if (value.strip().length() > MAX_TEXT) {
			bad.put(field, Message.of("field.too-long", MAX_TEXT));
		}
		else if (!TextRules.isPlain(value, true)) {
			bad.put(field, Message.of(TextRules.problemCode(value, true)));
		}
	}

	/** Refuses anyone but staff (before a request's content is read). */
	public static void requireStaff(Caller caller) {
		if (!(caller.hasRole(Caller.AGENT) || caller.hasRole(Caller.MANAGER) || caller.hasRole(Caller.ADMIN))) {
			throw new AccessDeniedException("Incident notices are for staff");
		}
	}

	/** Refuses anyone but managers and admins. */
	public static void requireSender(Caller caller) {
		if (!(caller.hasRole(Caller.MANAGER) || caller.hasRole(Caller.ADMIN))) {
			throw new AccessDeniedException("Incident notices are sent by managers");
		}
	}
}
