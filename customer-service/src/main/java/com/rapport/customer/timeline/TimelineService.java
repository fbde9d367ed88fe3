package com.rapport.customer.timeline;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.rapport.customer.organisation.CustomerAccess;
import com.rapport.customer.organisation.OrganisationService;
import com.rapport.support.error.NotFoundException;
import com.rapport.support.error.Message;
import com.rapport.support.error.UnprocessableException;
import com.rapport.support.security.Caller;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.validation.Errors;
import org.springframework.validation.MapBindingResult;

/**
 * Records and reads organisations' timelines. Only services (role {@code internal}) record, idempotently by
 * {@code (source, eventId)}: senders relay at least once, so a repeat must change nothing. Staff and services
 * read; customers never do, since entries are written for staff (internal summaries, notification logs).
 */
@Service
public class TimelineService {

	private static final Logger log = LoggerFactory.getLogger(TimelineService.class);

	static final int DEFAULT_PAGE_SIZE = 50;

	static final int MAX_PAGE_SIZE = 200;

	static final int MAX_ID_LENGTH = 200;

	static final int MAX_SUMMARY_LENGTH = 500;

	static final int MAX_ATTRIBUTES = 50;

	static final int MAX_ATTRIBUTE_VALUE_LENGTH = 1000;

	/** Stored as document keys, so no dots or dollars (MongoDB field names). */
	private static final Pattern ATTRIBUTE_KEY = Pattern.compile("[A-Za-z0-9_-]{1,64}");

	private final InteractionRepository interactions;

	private final OrganisationService organisations;

	private final ApplicationEventPublisher events;

	public TimelineService(InteractionRepository interactions, OrganisationService organisations,
			ApplicationEventPublisher events) {
		this.interactions = interactions;
		this.organisations = organisations;
		this.events = events;
	}

	public static boolean mayRecord(Caller caller) {
		return caller.hasRole(Caller.INTERNAL);
	}

	public static boolean mayRead(Caller caller) {
		return CustomerAccess.isStaff(caller) || caller.hasRole(Caller.INTERNAL);
	}

	/**
	 * Adds the interaction to its organisation's timeline.
	 * @return true when it was stored now, false when the same event had been recorded before (nothing changes)
	 */
	public boolean record(Caller caller, InteractionInput input) {
		if (!mayRecord(caller)) {
			throw new AccessDeniedException("Only services record interactions");
		}
		return store(validated(caller.name(), input));
	}

	/**
	 * Records what this service itself observed (tier and lifecycle changes), idempotently like
	 * {@link #record}; no caller check, since no caller asked for it.
	 */
	public boolean recordOwn(InteractionInput input) {
		return store(validated(null, input));
	}

	/** The organisation's interactions of a kind that occurred at or after {@code since}. */
	public List<Interaction> ofKindSince(String organisationId, InteractionKind kind, Instant since) {
		return interactions.findByOrganisationIdAndKindAndOccurredAtGreaterThanEqual(organisationId, kind, since);
	}

	/** The organisation's latest interaction of a kind, of all time. */
	public Optional<Interaction> latestOfKind(String organisationId, InteractionKind kind) {
		return interactions.findFirstByOrganisationIdAndKindOrderByOccurredAtDescIdDesc(organisationId, kind);
	}

	public long countOfKind(String organisationId, InteractionKind kind) {
		return interactions.countByOrganisationIdAndKind(organisationId, kind);
	}

	private boolean store(Interaction interaction) {
		if (interactions.existsBySourceAndEventId(interaction.source(), interaction.eventId())) {
			return false;
		}
		requireOrganisation(interaction.organisationId());
		try {
			interactions.insert(interaction);
			events.publishEvent(new InteractionRecorded(interaction));
			return true;
		}
		catch (DuplicateKeyException ex) {
			// Two deliveries of the same event at once: the other one stored it.
			log.debug("Interaction {}/{} recorded meanwhile by a concurrent call", interaction.source(),
					interaction.eventId());
			return false;
		}
	}

	/** The organisation's timeline, newest first; every kind when {@code kinds} is empty. */
	public Page<Interaction> list(Caller caller, String organisationId, Collection<InteractionKind> kinds, int page,
			int size) {
		if (!mayRead(caller)) {
			throw new AccessDeniedException("The timeline is for staff and services");
		}
		if (organisationId == null || organisationId.isBlank()) {
			throw UnprocessableException.field(Message.of("timeline.organisation-required"), "organisationId",
					Message.of("field.required"));
		}
		requireOrganisation(organisationId);
		PageRequest request = PageRequest.of(Math.max(page, 0),
				size <= 0 ? DEFAULT_PAGE_SIZE : Math.min(size, MAX_PAGE_SIZE));
		if (kinds == null || kinds.isEmpty()) {
			return interactions.findByOrganisationIdOrderByOccurredAtDescIdDesc(organisationId, request);
		}
		return interactions.findByOrganisationIdAndKindInOrderByOccurredAtDescIdDesc(organisationId, Set.copyOf(kinds),
				request);
	}

	private void requireOrganisation(String organisationId) {
		if (!organisations.exists(organisationId)) {
			throw new NotFoundException(Message.of("organisation.not-found", organisationId));
		}
	}

	/** Every bad field at once, as the REST side does for profiles. */
	private static Interaction validated(String callerName, InteractionInput input) {
		Errors errors = new MapBindingResult(new LinkedHashMap<>(), "interaction");
		String source = blankToNull(input.source());
		if (source == null) {
			source = callerName;
		}
		String eventId = blankToNull(input.eventId());
		String organisationId = blankToNull(input.organisationId());
		String summary = blankToNull(input.summary());
		String reference = blankToNull(input.reference());
		String summaryCode = blankToNull(input.summaryCode());
		Map<String, String> attributes = input.attributes() == null ? Map.of() : input.attributes();
		Object[] idLength = { MAX_ID_LENGTH };
		if (source == null || source.length() > MAX_ID_LENGTH) {
			errors.rejectValue("source", "field.too-long", idLength, null);
		}
		if (eventId == null) {
			errors.rejectValue("eventId", "field.required");
		}
		else if (eventId.length() > MAX_ID_LENGTH) {
			errors.rejectValue("eventId", "field.too-long", idLength, null);
		}
		if (organisationId == null) {
			errors.rejectValue("organisationId", "field.required");
		}
		else if (organisationId.length() > MAX_ID_LENGTH) {
			errors.rejectValue("organisationId", "field.too-long", idLength, null);
		}
		if (input.kind() == null) {
			errors.rejectValue("kind", "field.required");
		}
		if (input.occurredAt() == null) {
			errors.rejectValue("occurredAt", "field.required");
		}
		if (summary != null && summary.length() > MAX_SUMMARY_LENGTH) {
			errors.rejectValue("summary", "field.too-long", new Object[] { MAX_SUMMARY_LENGTH }, null);
		}
		if (summaryCode != null && summaryCode.length() > MAX_ID_LENGTH) {
			errors.rejectValue("summaryCode", "field.too-long", idLength, null);
		}
		if (input.summaryArgs().size() > MAX_ATTRIBUTES
				|| input.summaryArgs().stream().anyMatch(arg -> arg.length() > MAX_ATTRIBUTE_VALUE_LENGTH)) {
			errors.rejectValue("summaryArgs", "timeline.summary-args.invalid",
					new Object[] { MAX_ATTRIBUTES, MAX_ATTRIBUTE_VALUE_LENGTH }, null);
		}
		if (reference != null && reference.length() > MAX_ID_LENGTH) {
			errors.rejectValue("reference", "field.too-long", idLength, null);
		}
		if (attributes.size() > MAX_ATTRIBUTES) {
			errors.rejectValue("attributes", "timeline.attributes.too-many", new Object[] { MAX_ATTRIBUTES }, null);
		}
		else if (!attributes.entrySet().stream().allMatch(e -> e.getKey() != null
				&& ATTRIBUTE_KEY.matcher(e.getKey()).matches() && e.getValue() != null
				&& e.getValue().length() <= MAX_ATTRIBUTE_VALUE_LENGTH)) {
			errors.rejectValue("attributes", "timeline.attributes.invalid",
					new Object[] { MAX_ATTRIBUTE_VALUE_LENGTH }, null);
		}
		UnprocessableException.throwIfAny(Message.of("timeline.interaction-invalid"), errors);
		// Milliseconds, as BSON stores them: what a later read returns equals what was recorded.
		return new Interaction(null, source, eventId, organisationId, input.kind(),
				input.occurredAt().truncatedTo(ChronoUnit.MILLIS), summary, reference, attributes,
				Instant.now().truncatedTo(ChronoUnit.MILLIS), summaryCode, input.summaryArgs());
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}
}
