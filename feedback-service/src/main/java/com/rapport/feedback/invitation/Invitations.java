package com.rapport.feedback.invitation;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.rapport.feedback.rollup.Rollups;
import com.rapport.feedback.settings.SurveySettings;
import com.rapport.feedback.settings.SurveySettingsService;
import com.rapport.support.error.Message;
import com.rapport.support.error.UnprocessableException;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * Decides once per subject whether a due survey becomes an invitation: only for a contact of the organisation
 * (found by id, else by email) with an email, who consented to surveys and was not invited within the minimum
 * interval. The decision is stored under the subject's id, so a repeated request (the sender's outbox delivers
 * at least once) answers the first decision. An invitation is stored QUEUED; {@link InvitationSender} mails it
 * (PORTAL: not mailed, for a contact who prefers another channel). A request naming no contact (a delivered order's
 * CES) is decided for each contact of the organisation, each once.
 */
@Service
public class Invitations {

	/** The kinds and subjects asked this way so far. */
	static final List<String> KINDS = List.of("CSAT", "CES");

	static final List<String> SUBJECT_TYPES = List.of("TICKET", "ORDER");

	private final MongoTemplate mongo;

	private final ContactDirectory contacts;

	private final InvitationProperties properties;

	private final Clock clock;

	private final SurveySettingsService settings;

	private final Rollups rollups;

	Invitations(MongoTemplate mongo, ContactDirectory contacts, InvitationProperties properties, Clock clock,
			SurveySettingsService settings, Rollups rollups) {
		this.mongo = mongo;
		this.contacts = contacts;
		this.properties = properties;
		this.clock = clock;
		this.settings = settings;
		this.rollups = rollups;
	}

	/** Whether the managers' settings ask {@code due} at all (a CES after a ticket or an order may be turned off). */
	public boolean asked(SurveyDue due) {
		validate(due);
		if (!"CES".equals(due.kind())) {
			return true;
		}
		SurveySettings now = settings.current();
		return "ORDER".equals(due.subjectType()) ? now.cesAfterOrder() : now.cesAfterTicket();
	}

	/**
	 * With a resolved ticket's CSAT, the CES about the same ticket when the managers ask it after tickets: for the same
	 * contact, decided once (its own id); the CSAT just made for this ticket does not count against the minimum
	 * interval, any other invitation does.
	 */
	public Optional<Invitation> cesAfterTicket(SurveyDue csat) {
		if (!"CSAT".equals(csat.kind()) || !"TICKET".equals(csat.subjectType()) || !settings.current().cesAfterTicket()) {
			return Optional.empty();
		}
		SurveyDue ces = new SurveyDue("CES", csat.subjectType(), csat.subjectId(), csat.subjectLabel(),
				csat.organisationId(), csat.contactId(), csat.contactEmail(), csat.occurredAt());
		String id = Invitation.idOf(ces.kind(), ces.subjectType(), ces.subjectId());
		Invitation decided = mongo.findById(id, Invitation.class);
		return Optional.of(decided != null ? decided : decide(id, ces, contactOf(ces)));
	}

	/** The decision about {@code due} for the contact it names, the first time made, every later time read. */
	public Invitation request(SurveyDue due) {
		validate(due);
		String id = Invitation.idOf(due.kind(), due.subjectType(), due.subjectId());
		Invitation decided = mongo.findById(id, Invitation.class);
		return decided != null ? decided : decide(id, due, contactOf(due));
	}

	/**
	 * The decisions about {@code due}, which names no contact (a delivered order): each of the organisation's
	 * contacts is decided on once, under an id of the subject and the contact, so a repeated request reads them.
	 */
	public List<Invitation> requestOfOrganisation(SurveyDue due) {
		validate(due);
		List<Invitation> decisions = new ArrayList<>();
		for (InvitedContact contact : contacts.contactsOf(due.organisationId())) {
			String id = Invitation.idOf(due.kind(), due.subjectType(), due.subjectId(), contact.id());
			Invitation decided = mongo.findById(id, Invitation.class);
			decisions.add(decided != null ? decided : decide(id, due, Optional.of(contact)));
		}
		return decisions;
	}

	/**
	 * The NPS of {@code period} for {@code contact} of {@code organisationId}: invited (answers true) only when the
	 * contact consented, was not invited within the minimum interval and not yet this period. Nothing is stored
	 * otherwise, so a later sweep of the period asks once the interval has passed. The id is the period's and the
	 * contact's: of two sweeps at once, one insert wins.
	 */
	public boolean requestNps(String organisationId, InvitedContact contact, String period) {
		String id = Invitation.idOf("NPS", "RELATIONSHIP", period, contact.id());
		Instant now = clock.instant();
		if (!contact.surveyConsent() || mongo.exists(Query.query(Criteria.where("_id").is(id)), Invitation.class)
				|| invitedSince(contact.id(), now.minus(properties.minInterval()), period)) {
			return false;
		}
		try {
			counted(mongo.insert(decision(id, new SurveyDue("NPS", "RELATIONSHIP", period, null, organisationId,
					contact.id(), "", now), Optional.of(contact))));
			return true;
		}
		catch (DuplicateKeyException ex) {
			// Another sweep decided this contact's period at the same moment.
			return false;
		}
	}

	private Invitation decide(String id, SurveyDue due, Optional<InvitedContact> contact) {
		try {
			return counted(mongo.insert(decision(id, due, contact)));
		}
		catch (DuplicateKeyException ex) {
			// The same request, delivered twice at once: the first decision stands.
			return mongo.findById(id, Invitation.class);
		}
	}

	/** A decision just stored (its insert the claim, so once): an invitation sent counts in the response rate. */
	private Invitation counted(Invitation stored) {
		if (stored.outcome() == Invitation.Outcome.INVITED) {
			rollups.invited(stored.organisationId(), stored.kind(), stored.invitedAt());
		}
		return stored;
	}

	private Invitation decision(String id, SurveyDue due, Optional<InvitedContact> contact) {
		Instant now = clock.instant();
		Invitation.Outcome outcome = contact.isEmpty() ? Invitation.Outcome.NO_CONTACT
				: !contact.get().surveyConsent() ? Invitation.Outcome.NO_CONSENT
						: invitedSince(contact.get().id(), now.minus(properties.minInterval()), due.subjectId())
								? Invitation.Outcome.TOO_SOON : Invitation.Outcome.INVITED;
		boolean invited = outcome == Invitation.Outcome.INVITED;
		InvitedContact who = contact.orElse(null);
		// A contact who prefers another channel than email (or has no address) finds it on the portal's Surveys page.
		Invitation.State state = !invited ? null : who.mailed() ? Invitation.State.QUEUED : Invitation.State.PORTAL;
		Invitation invitation = new Invitation(id, due.kind(), due.subjectType(), due.subjectId(), due.subjectLabel(),
				due.organisationId(), who == null ? blankToNull(due.contactId()) : who.id(),
				invited ? who.name() : null, invited ? who.email() : null, invited ? who.language() : null, outcome,
				invited ? now : null, invited ? now.plus(properties.validFor()) : null,
				state, 0, state == Invitation.State.QUEUED ? now : null, null, null, null, null, null);
		return invitation;
	}

	/** The invitation of {@code id}, if any. */
	public Optional<Invitation> find(String id) {
		return Optional.ofNullable(mongo.findById(id, Invitation.class));
	}

	/** Whether the contact was invited since {@code since} about another subject than {@code subjectId}. */
	private boolean invitedSince(String contactId, Instant since, String subjectId) {
		Query recent = Query.query(Criteria.where("contactId").is(contactId).and("invitedAt").gt(since)
			.and("subjectId").ne(subjectId))
			.with(Sort.by(Sort.Direction.DESC, "invitedAt")).limit(1);
		return mongo.exists(recent, Invitation.class);
	}

	private Optional<InvitedContact> contactOf(SurveyDue due) {
		String email = due.contactEmail() == null ? "" : due.contactEmail().strip().toLowerCase(Locale.ROOT);
		String id = due.contactId() == null ? "" : due.contactId().strip();
		if (id.isEmpty() && email.isEmpty()) {
			return Optional.empty();
		}
		List<InvitedContact> known = contacts.contactsOf(due.organisationId());
		Optional<InvitedContact> found = id.isEmpty() ? Optional.empty()
				: known.stream().filter(c -> id.equals(c.id())).findFirst();
		if (found.isEmpty() && !email.isEmpty()) {
			found = known.stream().filter(c -> c.email() != null && email.equalsIgnoreCase(c.email().strip())).findFirst();
		}
		return found.filter(c -> c.email() != null && !c.email().isBlank());
	}

	private static void validate(SurveyDue due) {
		Map<String, Message> errors = new LinkedHashMap<>();
		check(due.organisationId(), "organisationId", errors);
		check(due.subjectId(), "subjectId", errors);
		if (!KINDS.contains(due.kind())) {
			errors.put("kind", Message.of("field.unknown-choice", due.kind(), KINDS.toString()));
		}
		if (!SUBJECT_TYPES.contains(due.subjectType())) {
			errors.put("subjectType", Message.of("field.unknown-choice", due.subjectType(), SUBJECT_TYPES.toString()));
		}
		if (!errors.isEmpty()) {
			throw new UnprocessableException(Message.of("feedback.survey-request-invalid"), errors);
		}
	}

	private static void check(String value, String field, Map<String, Message> errors) {
		if (value == null || value.isBlank()) {
			errors.put(field, Message.of("field.required"));
		}
		else if (value.length() > 150) {
			errors.put(field, Message.of("field.too-long", 150));
		}
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value;
	}
}
