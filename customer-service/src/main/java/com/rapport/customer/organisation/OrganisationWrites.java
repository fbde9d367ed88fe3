package com.rapport.customer.organisation;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

import com.rapport.support.audit.AuditDetails;
import com.rapport.support.audit.AuditTrail;
import com.rapport.support.error.ConflictException;
import com.rapport.support.error.NotFoundException;
import com.rapport.support.error.Message;
import com.rapport.support.error.UnprocessableException;
import com.rapport.support.security.Caller;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;

/**
 * How the organisation features store a change: optimistic locking, unique keys, the retry of a lost race,
 * and the audit entry naming the fields a change touched (never their values: they are personal data); a
 * refused or empty change leaves no entry. Shared by the organisations', the contacts' and the batch's
 * services, not a bean of its own.
 */
final class OrganisationWrites {

	/** Idempotent upserts retry a lost race this often: the repeat sees the winner's record. */
	private static final int UPSERT_ATTEMPTS = 3;

	private final OrganisationRepository organisations;

	private final AuditTrail audit;

	OrganisationWrites(OrganisationRepository organisations, AuditTrail audit) {
		this.organisations = organisations;
		this.audit = audit;
	}

	/** Writers reach every organisation, also with the write scope alone. */
	Organisation forWrite(String id) {
		return organisations.findById(id).orElseThrow(() -> notFound(id));
	}

	/** The id given, or one made from the name; refused when the given one is taken. */
	String newId(OrganisationInput input, Organisation.Profile profile) {
		String id = input.id() != null ? input.id() : NewOrganisationIds.freeIdFor(profile.name(), organisations);
		if (input.id() != null && organisations.hasId(id)) {
			throw taken("id");
		}
		return id;
	}

	/** A new organisation ({@code before} null) or the profile fields a change touched; nothing for no change. */
	void recordOrganisation(Caller caller, Organisation.Profile before, Organisation after) {
		List<String> fields = AuditDetails.changedFields(before, after.profile());
		if (before == null || !fields.isEmpty()) {
			audit.record(caller, before == null ? "organisation.created" : "organisation.updated", "organisation",
					after.id(), after.id(), AuditDetails.fields(fields));
		}
	}

	/** A new contact ({@code before} null) or the fields a change touched; nothing for no change. */
	void recordContact(Caller caller, String organisationId, Contact before, Contact after) {
		List<String> fields = AuditDetails.changedFields(before, after, "id");
		if (before == null || !fields.isEmpty()) {
			audit.record(caller, before == null ? "contact.created" : "contact.updated", "contact", after.id(),
					organisationId, AuditDetails.fields(fields));
		}
	}

	Organisation saveIfChanged(Organisation current, Organisation changed) {
		if (changed.equals(current)) {
			return current;
		}
		try {
			return organisations.save(changed);
		}
		catch (OptimisticLockingFailureException ex) {
			throw concurrentEdit(current.id());
		}
		catch (DuplicateKeyException ex) {
			throw duplicate(ex);
		}
	}

	Organisation insert(Organisation organisation) {
		try {
			return organisations.insert(organisation);
		}
		catch (DuplicateKeyException ex) {
			throw duplicate(ex);
		}
	}

	void checkExternalIdFree(String externalId, String ownId) {
		if (externalId != null && organisations.findByExternalId(externalId)
			.filter(other -> !other.id().equals(ownId)).isPresent()) {
			// Retryable: in an upsert it means another call created the record meanwhile, which a retry finds.
			throw taken("externalId");
		}
	}

	static void checkVersion(Organisation current, Long expected) {
		if (expected != null && !expected.equals(current.version())) {
			throw concurrentEdit(current.id());
		}
	}

	/** A lost race (two partners' calls at once) is retried: the repeat finds the winner's record. */
	static <T> T retryingRaces(Supplier<T> attempt) {
		for (int i = 1;; i++) {
			try {
				return attempt.get();
			}
			catch (RaceLost | RaceLostUnprocessable ex) {
				if (i >= UPSERT_ATTEMPTS) {
					throw ex;
				}
			}
		}
	}

	private static ConflictException concurrentEdit(String id) {
		return new RaceLost(Message.of("organisation.changed-meanwhile", id));
	}

	private static UnprocessableException duplicate(DuplicateKeyException ex) {
		String field = Objects.toString(ex.getMessage(), "").contains("externalId") ? "externalId" : "id";
		return taken(field);
	}

	/** The id or external id ({@code field}) is another organisation's. */
	private static UnprocessableException taken(String field) {
		Message reason = "id".equals(field) ? Message.of("organisation.id-taken")
				: Message.of("organisation.external-id-taken");
		return new RaceLostUnprocessable(reason, Map.of(field, Message.of("organisation.field.taken")));
	}

	/** An id in the body that is not the record's own. */
	static UnprocessableException idCannotChange(String id) {
		return UnprocessableException.field(Message.of("organisation.id-cannot-change"), "id",
				Message.of("organisation.id.must-be", id));
	}

	static NotFoundException notFound(String id) {
		return new NotFoundException(Message.of("organisation.not-found", id));
	}

	static NotFoundException contactNotFound(String id) {
		return new NotFoundException(Message.of("contact.not-found", id));
	}

	/** Marks a conflict that may come from a race, which an idempotent upsert retries. */
	private static final class RaceLost extends ConflictException {

		RaceLost(Message message) {
			super(message);
		}
	}

	private static final class RaceLostUnprocessable extends UnprocessableException {

		RaceLostUnprocessable(Message message, Map<String, Message> errors) {
			super(message, errors);
		}
	}
}
