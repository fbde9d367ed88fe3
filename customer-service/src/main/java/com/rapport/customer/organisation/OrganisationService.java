package com.rapport.customer.organisation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.rapport.support.audit.AuditTrail;
import com.rapport.support.error.ConflictException;
import com.rapport.support.error.Message;
import com.rapport.support.error.UnprocessableException;
import com.rapport.support.validation.TextRules;
import com.rapport.support.security.Caller;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;

/**
 * Reads, searches, creates and changes organisations for a caller, under {@link CustomerAccess}: a customer
 * contact reaches only its own organisation; another one's id answers exactly like an unknown id, so ids
 * cannot be probed. A unique field already used elsewhere is a 422 naming that field; an edit that lost a
 * race with another is a {@link ConflictException}. Every stored change is audited ({@link OrganisationWrites}).
 * Contacts are {@link ContactService}'s, a partner's bulk load {@link OrganisationBatchImport}'s.
 */
@Service
public class OrganisationService {

	static final int DEFAULT_PAGE_SIZE = 50;

	static final int MAX_PAGE_SIZE = 200;

	static final int MAX_QUERY_LENGTH = 100;

	private final OrganisationRepository organisations;

	private final OrganisationWrites writes;

	public OrganisationService(OrganisationRepository organisations, AuditTrail audit) {
		this.organisations = organisations;
		this.writes = new OrganisationWrites(organisations, audit);
	}

	public Organisation get(Caller caller, String id) {
		if (id == null || id.isBlank() || !(CustomerAccess.mayReadAll(caller) || caller.canSeeCustomer(id))) {
			throw OrganisationWrites.notFound(id);
		}
		return organisations.findById(id).orElseThrow(() -> OrganisationWrites.notFound(id));
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
			throw UnprocessableException.field(Message.of("organisation.search.too-long"), "q",
					Message.of("field.max-length", MAX_QUERY_LENGTH));
		}
		if (!TextRules.isPlain(query, false)) {
			throw UnprocessableException.field(Message.of("organisation.search.control-characters"), "q",
					Message.of(TextRules.problemCode(query, false)));
		}
		List<String> terms = SearchKeys.queryTerms(query);
		if (CustomerAccess.mayReadAll(caller)) {
			return terms.isEmpty() ? organisations.findAllByOrderByNameAsc(request)
					: organisations.search(terms, null, request);
		}
		String own = caller.hasRole(Caller.CUSTOMER) ? caller.customerId().orElse(null) : null;
		if (own == null) {
			return Page.empty(request);
		}
		return organisations.search(terms, own, request);
	}

	/** A new organisation; its id is the one given or made from the name. */
	public Organisation create(Caller caller, OrganisationInput input) {
		CustomerAccess.requireWrite(caller);
		Organisation.Profile profile = ProfileRules.organisation(null, input);
		writes.checkExternalIdFree(profile.externalId(), null);
		String id = writes.newId(input, profile);
		Organisation created = writes.insert(Organisation.create(id, null, null, null).withProfile(profile));
		writes.recordOrganisation(caller, null, created);
		return created;
	}

	/** Changes the fields given; the rest keep their values. */
	public Organisation update(Caller caller, String id, OrganisationInput input) {
		CustomerAccess.requireWrite(caller);
		Organisation current = writes.forWrite(id);
		if (input.id() != null && !input.id().equals(id)) {
			throw OrganisationWrites.idCannotChange(id);
		}
		OrganisationWrites.checkVersion(current, input.version());
		return saveProfile(caller, current, merged(current, input));
	}

	/**
	 * Creates or changes the organisation a partner knows by {@code externalId}. Repeating a call answers
	 * the same record and changes nothing.
	 */
	public Upsert<Organisation> upsertByExternalId(Caller caller, String externalId, OrganisationInput input) {
		CustomerAccess.requireWrite(caller);
		Map<String, Message> keyErrors = ExternalIds.externalIdPathErrors(externalId, input.externalId());
		if (!keyErrors.isEmpty()) {
			// Name every bad field in one answer: the body's own rules too, checked against the organisation the
			// path names (a new one when there is none, as always for a malformed key).
			Map<String, Message> errors = new LinkedHashMap<>(keyErrors);
			Organisation.Profile current = ProfileRules.isExternalId(externalId)
					? organisations.findByExternalId(externalId).map(Organisation::profile).orElse(null) : null;
			try {
				ProfileRules.organisation(current, new OrganisationInput(input.id(), input.name(), input.industry(),
						input.sizeBand(), input.country(), input.region(), input.tags(), input.accountManager(),
						input.status(), null, input.version()));
			}
			catch (UnprocessableException ex) {
				ex.fieldMessages().forEach(errors::putIfAbsent);
			}
			throw new UnprocessableException(Message.of("profile.organisation-invalid"), errors);
		}
		OrganisationInput withKey = new OrganisationInput(input.id(), input.name(), input.industry(), input.sizeBand(),
				input.country(), input.region(), input.tags(), input.accountManager(), input.status(), externalId,
				input.version());
		return OrganisationWrites.retryingRaces(() -> {
			var existing = organisations.findByExternalId(externalId);
			if (existing.isPresent()) {
				Organisation current = existing.get();
				if (input.id() != null && !input.id().equals(current.id())) {
					throw OrganisationWrites.idCannotChange(current.id());
				}
				OrganisationWrites.checkVersion(current, input.version());
				return new Upsert<>(saveProfile(caller, current, merged(current, withKey)), false);
			}
			return new Upsert<>(create(caller, withKey), true);
		});
	}

	private Organisation.Profile merged(Organisation current, OrganisationInput input) {
		Organisation.Profile profile = ProfileRules.organisation(current.profile(), input);
		writes.checkExternalIdFree(profile.externalId(), current.id());
		return profile;
	}

	private Organisation saveProfile(Caller caller, Organisation current, Organisation.Profile profile) {
		Organisation saved = writes.saveIfChanged(current, current.withProfile(profile));
		writes.recordOrganisation(caller, current.profile(), saved);
		return saved;
	}
}
