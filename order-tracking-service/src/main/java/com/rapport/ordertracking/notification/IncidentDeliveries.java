package com.rapport.ordertracking.notification;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.rapport.ordertracking.incident.IncidentRecipients;
import com.rapport.support.error.Message;
import com.rapport.support.error.NotFoundException;
import com.rapport.support.security.Caller;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * Where an incident notice's mails are, for staff: each organisation it reaches (a page at a time, by id), whether
 * its mail still waits to be queued, and the notifications made for its contacts with their delivery state. A
 * notice's notifications all have ids starting with its mail's event id ({@code incident:<notice>|<address>}), so
 * they are one range of the {@code _id} index, whatever else the log holds.
 */
@Service
public class IncidentDeliveries {

	static final int DEFAULT_PAGE = 50;

	static final int MAX_PAGE = 100;

	private final IncidentRecipients recipients;

	private final MongoTemplate mongo;

	IncidentDeliveries(IncidentRecipients recipients, MongoTemplate mongo) {
		this.recipients = recipients;
		this.mongo = mongo;
	}

	/** One organisation and its notifications, oldest first. */
	public record Organisation(String customerId, int orderCount, boolean waiting, List<Notification> notifications,
			List<String> orderNumbers) {
	}

	/** A page of organisations, the token of the next ({@code ""} on the last) and the counts by state. */
	public record Page(List<Organisation> organisations, String nextPageToken, Map<Notification.State, Integer> states) {
	}

	public Page of(Caller caller, String noticeId, int pageSize, String pageToken) {
		if (!(caller.hasRole(Caller.AGENT) || caller.hasRole(Caller.MANAGER) || caller.hasRole(Caller.ADMIN))) {
			throw new AccessDeniedException("A notice's deliveries are for staff");
		}
		if (noticeId == null || noticeId.isBlank() || !recipients.noticeKnown(noticeId)) {
			throw new NotFoundException(Message.of("incidents.not-found", noticeId));
		}
		int size = pageSize <= 0 || pageSize > MAX_PAGE ? DEFAULT_PAGE : pageSize;
		List<IncidentRecipients.Reached> reached = recipients.ofNotice(noticeId, pageToken, size + 1);
		boolean more = reached.size() > size;
		List<IncidentRecipients.Reached> page = more ? reached.subList(0, size) : reached;
		String first = IncidentRecipients.mailEventId(noticeId) + "|";
		// '}' is the character after '|': the range holds exactly the ids that start with the prefix.
		Query ofNotice = Query.query(Criteria.where("_id").gte(first).lt(first.substring(0, first.length() - 1) + "}"))
			.with(Sort.by("createdAt"));
		List<Notification> all = mongo.find(ofNotice, Notification.class);
		Map<Notification.State, Integer> states = new EnumMap<>(Notification.State.class);
		Map<String, List<Notification>> byOrganisation = new LinkedHashMap<>();
		for (Notification notification : all) {
			states.merge(notification.state(), 1, Integer::sum);
			byOrganisation.computeIfAbsent(notification.customerId(), id -> new ArrayList<>()).add(notification);
		}
		List<Organisation> organisations = page.stream().map(r -> new Organisation(r.customerId(), r.orderCount(),
				r.waiting(), byOrganisation.getOrDefault(r.customerId(), List.of()), r.orderNumbers())).toList();
		return new Page(organisations, more ? page.get(page.size() - 1).customerId() : "", states);
	}
}
