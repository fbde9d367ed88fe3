package com.rapport.customer.organisation;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import com.rapport.support.audit.AuditDetails;
import com.rapport.support.audit.AuditTrail;
import com.rapport.support.error.ConflictException;
import com.rapport.support.error.NotFoundException;
import com.rapport.support.error.UnprocessableException;
import com.rapport.support.validation.TextRules;
import com.rapport.support.security.Caller;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * Reads, searches and changes organisations and their contacts for a caller. A customer contact reaches only
 * its own organisation; another one's id answers exactly like an unknown id, so ids cannot be probed. Staff
 * and partners with {@value #READ_SCOPE} read every organisation; staff and partners with
 * {@value #WRITE_SCOPE} change them. A unique field already used elsewhere is a 422 naming that field; an
 * edit that lost a race with another is a {@link ConflictException}. Every stored change goes to the audit
 * trail with the names of the fields it changed (never their values: they are personal data); a refused or
 * empty change leaves no entry.
 */
@Service
public class OrganisationService {

	public static final String READ_SCOPE = "customers.read";

	public static final String WRITE_SCOPE = "customers.write";

	static final int DEFAULT_PAGE_SIZE = 50;

	static final int MAX_PAGE_SIZE = 200;

	static final int MAX_QUERY_LENGTH = 100;

	/** Organisations in one {@link #upsertBatchItem batch} request at most. */
	public static final int MAX_BATCH = 500;

	private static final String EXTERNAL_ID_RULE = "1 to 100 letters, digits and . _ : ~ -, starting with a letter or digit";

	/** Idempotent upserts retry a lost race this often: the repeat sees the winner's record. */
	private static final int UPSERT_ATTEMPTS = 3;

	private final OrganisationRepository organisations;

	private final AuditTrail audit;

	public OrganisationService(OrganisationRepository organisations, AuditTrail audit) {
		this.organisations = organisations;
		this.audit = audit;
	}

	/** The result of an upsert: the record, and whether this call created it. */
	public record Upsert<T>(T value, boolean created) {
	}

	/** One organisation of a batch with its contacts, each keyed by its partner's external id. */
	public record BatchItem(OrganisationInput organisation, List<ContactInput> contacts) {

		public BatchItem {
			contacts = contacts == null ? List.of() : contacts;
		}
	}

	/** What a batch item did to the store. */
	public enum BatchOutcome {
		CREATED, UPDATED, UNCHANGED
	}

	/** The organisation after a batch item, and what the item did. */
	public record BatchResult(Organisation organisation, BatchOutcome outcome) {
	}

	/** Staff, services and partners with the read scope; a customer's token never, whatever scopes it carries. */
	public static boolean mayReadAll(Caller caller) {
		return caller.seesAllCustomers() || (!caller.hasRole(Caller.CUSTOMER) && caller.hasScope(READ_SCOPE));
	}

	public static boolean mayWrite(Caller caller) {
		return isStaff(caller) || (!caller.hasRole(Caller.CUSTOMER) && caller.hasScope(WRITE_SCOPE));
	}

	/** Staff link contacts to portal logins and see those links; partners and customers do not. */
	public static boolean isStaff(Caller caller) {
		return caller.hasRole(Caller.AGENT) || caller.hasRole(Caller.MANAGER) || caller.hasRole(Caller.ADMIN);
	}

	public Organisation get(Caller caller, String id) {
		if (id == null || id.isBlank() || !(mayReadAll(caller) || caller.canSeeCustomer(id))) {
			throw notFound(id);
		}
		return organisations.findById(id).orElseThrow(() -> notFound(id));
	}

	/**
	 * Whether the organisation exists, for features that attach records to one (the timeline). No caller
	 * check: those features decide who may ask before they do.
	 */
	public boolean exists(String id) {
		return id != null && !id.isBlank() && organisations.hasId(id);
	}

	public Page<Organisation> list(Caller caller, int page, int size) {
		return search(caller, null, page, size);
	}

	/**
	 * Organisations by name whose name, contact names, emails or phones start with each word of
	 * {@code query} (see {@link SearchKeys}); all of them for an empty query. A customer finds at most its own.
	 */
	public Page<Organisation> search(Caller caller, String query, int page, int size) {
		PageRequest request = PageRequest.of(Math.max(page, 0),
				size <= 0 ? DEFAULT_PAGE_SIZE : Math.min(size, MAX_PAGE_SIZE));
		if (query != null && query.length() > MAX_QUERY_LENGTH) {
			throw new UnprocessableException("The search is too long.",
					Map.of("q", "at most " + MAX_QUERY_LENGTH + " characters"));
		}
		if (!TextRules.isPlain(query, false)) {
			throw new UnprocessableException("The search has control characters.", Map.of("q", TextRules.problem(query, false)));
		}
		List<String> terms = SearchKeys.queryTerms(query);
		if (mayReadAll(caller)) {
			return terms.isEmpty() ? organisations.findAllByOrderByNameAsc(request)
					: organisations.search(terms, null, request);
		}
		String own = caller.hasRole(Caller.CUSTOMER) ? caller.customerId().orElse(null) : null;
		if (own == null) {
			return Page.empty(request);
		}
		return organisations.search(terms, own, request);
	}

	public List<Contact> contacts(Caller caller, String organisationId) {
		return get(caller, organisationId).contacts();
	}

	public Contact contact(Caller caller, String organisationId, String contactId) {
		return get(caller, organisationId).contact(contactId).orElseThrow(() -> contactNotFound(contactId));
	}

	/** A new organisation; its id is the one given or made from the name. */
	public Organisation create(Caller caller, OrganisationInput input) {
		requireWrite(caller);
		Organisation.Profile profile = ProfileRules.organisation(null, input);
		checkExternalIdFree(profile.externalId(), null);
		String id = input.id() != null ? input.id() : freeIdFor(profile.name());
		if (input.id() != null && organisations.hasId(id)) {
			throw new RaceLostUnprocessable("The id is taken.", Map.of("id", "already used by another organisation"));
		}
		Organisation created = insert(Organisation.create(id, null, null, null).withProfile(profile));
		recordOrganisation(caller, null, created);
		return created;
	}

	/** Changes the fields given; the rest keep their values. */
	public Organisation update(Caller caller, String id, OrganisationInput input) {
		requireWrite(caller);
		Organisation current = forWrite(id);
		if (input.id() != null && !input.id().equals(id)) {
			throw new UnprocessableException("The id cannot change.", Map.of("id", "must be " + id + " or left out"));
		}
		checkVersion(current, input.version());
		return saveProfile(caller, current, merged(current, input));
	}

	/**
	 * Creates or changes the organisation a partner knows by {@code externalId}. Repeating a call answers
	 * the same record and changes nothing.
	 */
	public Upsert<Organisation> upsertByExternalId(Caller caller, String externalId, OrganisationInput input) {
		requireWrite(caller);
		Map<String, String> keyErrors = externalIdPathErrors(externalId, input.externalId());
		if (!keyErrors.isEmpty()) {
			// Name every bad field in one answer: the body's own rules too, checked against the organisation the
			// path names (a new one when there is none, as always for a malformed key).
			Map<String, String> errors = new LinkedHashMap<>(keyErrors);
			Organisation.Profile current = ProfileRules.isExternalId(externalId)
					? organisations.findByExternalId(externalId).map(Organisation::profile).orElse(null) : null;
			try {
				ProfileRules.organisation(current, new OrganisationInput(input.id(), input.name(), input.industry(),
						input.sizeBand(), input.country(), input.region(), input.tags(), input.accountManager(),
						input.status(), null, input.version()));
			}
			catch (UnprocessableException ex) {
				ex.fieldErrors().forEach(errors::putIfAbsent);
			}
			throw new UnprocessableException("Some organisation fields are invalid.", errors);
		}
		OrganisationInput withKey = new OrganisationInput(input.id(), input.name(), input.industry(), input.sizeBand(),
				input.country(), input.region(), input.tags(), input.accountManager(), input.status(), externalId,
				input.version());
		return retryingRaces(() -> {
			var existing = organisations.findByExternalId(externalId);
			if (existing.isPresent()) {
				Organisation current = existing.get();
				if (input.id() != null && !input.id().equals(current.id())) {
					throw new UnprocessableException("The id cannot change.",
							Map.of("id", "must be " + current.id() + " or left out"));
				}
				checkVersion(current, input.version());
				return new Upsert<>(saveProfile(caller, current, merged(current, withKey)), false);
			}
			return new Upsert<>(create(caller, withKey), true);
		});
	}

	/**
	 * Refuses a batch the caller may not send, or one over {@value #MAX_BATCH} organisations, before any item is
	 * looked at.
	 */
	public void checkBatch(Caller caller, int size) {
		requireWrite(caller);
		if (size > MAX_BATCH) {
			throw new UnprocessableException("Too many organisations in one request.",
					Map.of("items", "at most " + MAX_BATCH + " organisations a request, not " + size));
		}
	}

	/**
	 * One item of a partner's bulk load: creates or changes the organisation it knows by
	 * {@code externalId}, and creates or changes each contact it knows by the contact's {@code externalId}
	 * (contacts not listed stay as they are), in one write. The same rules, search keys and audit entries as
	 * {@link #upsertByExternalId} followed by {@link #upsertContactByExternalId} for each contact, except that
	 * a bad field anywhere refuses the whole item before anything is stored, naming every bad field
	 * ({@code contacts[1].email}). Repeating an item changes nothing and answers {@link BatchOutcome#UNCHANGED}.
	 */
	public BatchResult upsertBatchItem(Caller caller, BatchItem item) {
		requireWrite(caller);
		OrganisationInput input = item.organisation();
		Map<String, String> keyErrors = batchKeyErrors(input.externalId(), item.contacts());
		return retryingRaces(() -> {
			Organisation current = keyErrors.containsKey("externalId") ? null
					: organisations.findByExternalId(input.externalId()).orElse(null);
			Map<String, String> errors = new LinkedHashMap<>(keyErrors);
			Organisation.Profile profile = null;
			try {
				profile = ProfileRules.organisation(current == null ? null : current.profile(), input);
			}
			catch (UnprocessableException ex) {
				errors.putAll(ex.fieldErrors());
			}
			if (current != null && input.id() != null && !input.id().equals(current.id())) {
				errors.put("id", "must be " + current.id() + " or left out");
			}
			List<Contact> contacts = new ArrayList<>(current == null ? List.of() : current.contacts());
			List<Contact> before = new ArrayList<>();
			List<Contact> after = new ArrayList<>();
			for (int i = 0; i < item.contacts().size(); i++) {
				ContactInput contactInput = item.contacts().get(i);
				if (contactInput == null || errors.containsKey("contacts[" + i + "].externalId")) {
					continue;
				}
				Contact existing = current == null ? null
						: current.contactByExternalId(contactInput.externalId()).orElse(null);
				try {
					Contact merged = ProfileRules.contact(existing, UUID.randomUUID().toString(),
							checkedInput(caller, contactInput));
					if (existing == null) {
						contacts.add(merged);
					}
					else {
						contacts.replaceAll(c -> c.id().equals(existing.id()) ? merged : c);
					}
					before.add(existing);
					after.add(merged);
				}
				catch (UnprocessableException ex) {
					String prefix = "contacts[" + i + "].";
					ex.fieldErrors().forEach((field, problem) -> errors.put(prefix + field, problem));
				}
			}
			if (contacts.size() > ProfileRules.MAX_CONTACTS) {
				errors.put("contacts", "at most " + ProfileRules.MAX_CONTACTS + " per organisation");
			}
			if (!errors.isEmpty()) {
				throw new UnprocessableException("Some fields of the organisation or its contacts are invalid.", errors);
			}
			BatchResult result = current == null ? insertBatchItem(input, profile, contacts)
					: updateBatchItem(current, input.version(), profile, contacts);
			recordOrganisation(caller, current == null ? null : current.profile(), result.organisation());
			for (int i = 0; i < after.size(); i++) {
				recordContact(caller, result.organisation().id(), before.get(i), after.get(i));
			}
			return result;
		});
	}

	/** The external ids a batch item needs: the organisation's, and one per contact, none twice. */
	private static Map<String, String> batchKeyErrors(String externalId, List<ContactInput> contacts) {
		Map<String, String> errors = new LinkedHashMap<>();
		if (!ProfileRules.isExternalId(externalId)) {
			errors.put("externalId", externalId == null ? "is required" : EXTERNAL_ID_RULE);
		}
		Map<String, Integer> seen = new LinkedHashMap<>();
		for (int i = 0; i < contacts.size(); i++) {
			ContactInput contact = contacts.get(i);
			String field = "contacts[" + i + "]";
			if (contact == null) {
				errors.put(field, "is required");
			}
			else if (!ProfileRules.isExternalId(contact.externalId())) {
				errors.put(field + ".externalId", contact.externalId() == null
						? "is required: a batch finds its contacts again by it" : EXTERNAL_ID_RULE);
			}
			else if (seen.putIfAbsent(contact.externalId(), i) != null) {
				errors.put(field + ".externalId", "repeats contacts[" + seen.get(contact.externalId()) + "]");
			}
		}
		return errors;
	}

	private BatchResult insertBatchItem(OrganisationInput input, Organisation.Profile profile, List<Contact> contacts) {
		String id = input.id() != null ? input.id() : freeIdFor(profile.name());
		if (input.id() != null && organisations.hasId(id)) {
			throw new RaceLostUnprocessable("The id is taken.", Map.of("id", "already used by another organisation"));
		}
		Organisation created = insert(
				Organisation.create(id, null, null, null).withProfile(profile).withContacts(contacts));
		return new BatchResult(created, BatchOutcome.CREATED);
	}

	private BatchResult updateBatchItem(Organisation current, Long version, Organisation.Profile profile,
			List<Contact> contacts) {
		checkVersion(current, version);
		Organisation saved = saveIfChanged(current, current.withProfile(profile).withContacts(contacts));
		return new BatchResult(saved, saved == current ? BatchOutcome.UNCHANGED : BatchOutcome.UPDATED);
	}

	public Contact addContact(Caller caller, String organisationId, ContactInput input) {
		requireWrite(caller);
		Organisation current = forWrite(organisationId);
		Contact contact = ProfileRules.contact(null, UUID.randomUUID().toString(), checkedInput(caller, input));
		Contact saved = saveContact(current, contact, true);
		recordContact(caller, organisationId, null, saved);
		return saved;
	}

	public Contact updateContact(Caller caller, String organisationId, String contactId, ContactInput input) {
		requireWrite(caller);
		Organisation current = forWrite(organisationId);
		Contact existing = current.contact(contactId).orElseThrow(() -> contactNotFound(contactId));
		Contact saved = saveContact(current, ProfileRules.contact(existing, null, checkedInput(caller, input)), false);
		recordContact(caller, organisationId, existing, saved);
		return saved;
	}

	/** Creates or changes the contact a partner knows by {@code externalId} within the organisation. */
	public Upsert<Contact> upsertContactByExternalId(Caller caller, String organisationId, String externalId,
			ContactInput input) {
		requireWrite(caller);
		requireExternalIdPath(externalId, input.externalId());
		ContactInput withKey = new ContactInput(input.name(), input.jobTitle(), input.email(), input.phone(),
				input.language(), input.timeZone(), input.birthday(), input.preferredChannel(),
				input.marketingConsent(), input.surveyConsent(), externalId, input.username());
		return retryingRaces(() -> {
			Organisation current = forWrite(organisationId);
			var existing = current.contactByExternalId(externalId);
			Contact merged = ProfileRules.contact(existing.orElse(null), UUID.randomUUID().toString(),
					checkedInput(caller, withKey));
			Contact saved = saveContact(current, merged, existing.isEmpty());
			recordContact(caller, organisationId, existing.orElse(null), saved);
			return new Upsert<>(saved, existing.isEmpty());
		});
	}

	/**
	 * Changes one contact by a rule of another feature (an invitation links a login): {@code change} gets the
	 * contact as stored and answers it changed; when another edit wins the race it is applied again to a fresh
	 * read. No caller check: the calling feature decides who may before it calls.
	 */
	public Contact changeContact(String organisationId, String contactId, UnaryOperator<Contact> change) {
		return retryingRaces(() -> {
			Organisation current = forWrite(organisationId);
			Contact before = current.contact(contactId).orElseThrow(() -> contactNotFound(contactId));
			Contact after = change.apply(before);
			List<Contact> contacts = new ArrayList<>(current.contacts());
			contacts.replaceAll(c -> c.id().equals(contactId) ? after : c);
			return saveIfChanged(current, current.withContacts(contacts)).contact(contactId).orElseThrow();
		});
	}

	/**
	 * Removes a contact from its organisation, and so from the search. {@code beforeRemoval} gets the contact
	 * first (identity disables its login there); if it fails, nothing is removed. Answers the removed contact.
	 */
	public Contact removeContact(Caller caller, String organisationId, String contactId,
			Consumer<Contact> beforeRemoval) {
		requireWrite(caller);
		Contact removed = forWrite(organisationId).contact(contactId).orElseThrow(() -> contactNotFound(contactId));
		beforeRemoval.accept(removed);
		retryingRaces(() -> {
			Organisation current = forWrite(organisationId);
			List<Contact> rest = current.contacts().stream().filter(c -> !c.id().equals(contactId)).toList();
			return saveIfChanged(current, current.withContacts(rest));
		});
		return removed;
	}

	/** Writers reach every organisation, also with the write scope alone. */
	private Organisation forWrite(String id) {
		return organisations.findById(id).orElseThrow(() -> notFound(id));
	}

	private Organisation.Profile merged(Organisation current, OrganisationInput input) {
		Organisation.Profile profile = ProfileRules.organisation(current.profile(), input);
		checkExternalIdFree(profile.externalId(), current.id());
		return profile;
	}

	private Contact saveContact(Organisation current, Contact contact, boolean adding) {
		if (contact.externalId() != null && current.contacts().stream()
			.anyMatch(c -> !c.id().equals(contact.id()) && contact.externalId().equals(c.externalId()))) {
			throw new UnprocessableException("The external id is taken.",
					Map.of("externalId", "already used by another contact of this organisation"));
		}
		List<Contact> contacts = new ArrayList<>(current.contacts());
		if (adding) {
			if (contacts.size() >= ProfileRules.MAX_CONTACTS) {
				throw new UnprocessableException("Too many contacts.",
						Map.of("contacts", "at most " + ProfileRules.MAX_CONTACTS + " per organisation"));
			}
			contacts.add(contact);
		}
		else {
			contacts.replaceAll(c -> c.id().equals(contact.id()) ? contact : c);
		}
		Organisation saved = saveIfChanged(current, current.withContacts(contacts));
		return saved.contact(contact.id()).orElseThrow();
	}

	/** Only staff link a contact to a portal login. */
	private static ContactInput checkedInput(Caller caller, ContactInput input) {
		if (input.username() != null && !isStaff(caller)) {
			throw new UnprocessableException("Only staff link portal logins.",
					Map.of("username", "may only be set by staff"));
		}
		return input;
	}

	private Organisation saveProfile(Caller caller, Organisation current, Organisation.Profile profile) {
		Organisation saved = saveIfChanged(current, current.withProfile(profile));
		recordOrganisation(caller, current.profile(), saved);
		return saved;
	}

	/** A new organisation ({@code before} null) or the profile fields a change touched; nothing for no change. */
	private void recordOrganisation(Caller caller, Organisation.Profile before, Organisation after) {
		List<String> fields = AuditDetails.changedFields(before, after.profile());
		if (before == null || !fields.isEmpty()) {
			audit.record(caller, before == null ? "organisation.created" : "organisation.updated", "organisation",
					after.id(), after.id(), AuditDetails.fields(fields));
		}
	}

	/** A new contact ({@code before} null) or the fields a change touched; nothing for no change. */
	private void recordContact(Caller caller, String organisationId, Contact before, Contact after) {
		List<String> fields = AuditDetails.changedFields(before, after, "id");
		if (before == null || !fields.isEmpty()) {
			audit.record(caller, before == null ? "contact.created" : "contact.updated", "contact", after.id(),
					organisationId, AuditDetails.fields(fields));
		}
	}

	private Organisation saveIfChanged(Organisation current, Organisation changed) {
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

	private Organisation insert(Organisation organisation) {
		try {
			return organisations.insert(organisation);
		}
		catch (DuplicateKeyException ex) {
			throw duplicate(ex);
		}
	}

	private void checkExternalIdFree(String externalId, String ownId) {
		if (externalId != null && organisations.findByExternalId(externalId)
			.filter(other -> !other.id().equals(ownId)).isPresent()) {
			// Retryable: in an upsert it means another call created the record meanwhile, which a retry finds.
			throw new RaceLostUnprocessable("The external id is taken.",
					Map.of("externalId", "already used by another organisation"));
		}
	}

	private static void checkVersion(Organisation current, Long expected) {
		if (expected != null && !expected.equals(current.version())) {
			throw concurrentEdit(current.id());
		}
	}

	private static void requireExternalIdPath(String path, String body) {
		Map<String, String> errors = externalIdPathErrors(path, body);
		if (!errors.isEmpty()) {
			throw new UnprocessableException("Invalid external id.", errors);
		}
	}

	private static Map<String, String> externalIdPathErrors(String path, String body) {
		Map<String, String> errors = new LinkedHashMap<>();
		if (!ProfileRules.isExternalId(path)) {
			errors.put("externalId", EXTERNAL_ID_RULE);
		}
		else if (body != null && !body.equals(path)) {
			errors.put("externalId", "must be the one in the path or left out");
		}
		return errors;
	}

	private static void requireWrite(Caller caller) {
		if (!mayWrite(caller)) {
			throw new AccessDeniedException("Changing organisations needs a staff role or " + WRITE_SCOPE);
		}
	}

	/** A lost race (two partners' calls at once) is retried: the repeat finds the winner's record. */
	private static <T> T retryingRaces(Supplier<T> attempt) {
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

	/** A readable, stable id from the name, such as {@code acme-retail}; a suffix when it is taken. */
	private String freeIdFor(String name) {
		String slug = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "")
			.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
		if (slug.length() > 40) {
			slug = slug.substring(0, 40).replaceAll("-+$", "");
		}
		if (slug.length() < 2) {
			slug = "org";
		}
		// A short suffix keeps ids readable; names that share a slug (all-Chinese names all give "org") use up
		// the 65,536 short ones, so after a few collisions the suffix grows, and it always ends.
		String candidate = slug;
		for (int attempt = 0; organisations.hasId(candidate); attempt++) {
			candidate = slug + "-" + (attempt < 8 ? HexFormat.of().toHexDigits((short) ThreadLocalRandom.current().nextInt())
					: HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong()));
		}
		return candidate;
	}

	private static ConflictException concurrentEdit(String id) {
		return new RaceLost("Organisation " + id + " was changed meanwhile; read it again and repeat the change.");
	}

	private static UnprocessableException duplicate(DuplicateKeyException ex) {
		String field = Objects.toString(ex.getMessage(), "").contains("externalId") ? "externalId" : "id";
		return new RaceLostUnprocessable("The " + field + " is taken.",
				Map.of(field, "already used by another organisation"));
	}

	private static NotFoundException notFound(String id) {
		return new NotFoundException("No organisation " + id);
	}

	private static NotFoundException contactNotFound(String id) {
		return new NotFoundException("No contact " + id);
	}

	/** Marks a conflict that may come from a race, which an idempotent upsert retries. */
	private static final class RaceLost extends ConflictException {

		RaceLost(String message) {
			super(message);
		}
	}

	private static final class RaceLostUnprocessable extends UnprocessableException {

		RaceLostUnprocessable(String message, Map<String, String> errors) {
			super(message, errors);
		}
	}
}
