package com.rapport.customer.organisation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.rapport.support.audit.AuditTrail;
import com.rapport.support.error.Message;
import com.rapport.support.error.UnprocessableException;
import com.rapport.support.security.Caller;

import org.springframework.stereotype.Service;

/**
 * A partner's bulk load of organisations with their contacts, each keyed by the partner's external ids:
 * the same rules, search keys and audit entries as {@link OrganisationService#upsertByExternalId} and
 * {@link ContactService#upsertContactByExternalId}, one write per organisation.
 */
@Service
public class OrganisationBatchImport {

	/** Organisations in one {@link #upsertBatchItem batch} request at most. */
	public static final int MAX_BATCH = 500;

	private final OrganisationRepository organisations;

	private final OrganisationWrites writes;

	public OrganisationBatchImport(OrganisationRepository organisations, AuditTrail audit) {
		this.organisations = organisations;
		this.writes = new OrganisationWrites(organisations, audit);
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

	/**
	 * Refuses a batch the caller may not send, or one over {@value #MAX_BATCH} organisations, before any item is
	 * looked at.
	 */
	public void checkBatch(Caller caller, int size) {
		CustomerAccess.requireWrite(caller);
		if (size > MAX_BATCH) {
			throw UnprocessableException.field(Message.of("organisation.batch.too-many"), "items",
					Message.of("organisation.batch.items.at-most", MAX_BATCH, size));
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
		CustomerAccess.requireWrite(caller);
		OrganisationInput input = item.organisation();
		Map<String, Message> keyErrors = batchKeyErrors(input.externalId(), item.contacts());
		return OrganisationWrites.retryingRaces(() -> {
			Organisation current = keyErrors.containsKey("externalId") ? null
					: organisations.findByExternalId(input.externalId()).orElse(null);
			Map<String, Message> errors = new LinkedHashMap<>(keyErrors);
			Organisation.Profile profile = null;
			try {
				profile = ProfileRules.organisation(current == null ? null : current.profile(), input);
			}
			catch (UnprocessableException ex) {
				errors.putAll(ex.fieldMessages());
			}
			if (current != null && input.id() != null && !input.id().equals(current.id())) {
				errors.put("id", Message.of("organisation.id.must-be", current.id()));
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
							ContactService.checkedInput(caller, contactInput));
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
					ex.fieldMessages().forEach((field, problem) -> errors.put(prefix + field, problem));
				}
			}
			if (contacts.size() > ProfileRules.MAX_CONTACTS) {
				errors.put("contacts", Message.of("contact.contacts.at-most", ProfileRules.MAX_CONTACTS));
			}
			if (!errors.isEmpty()) {
				throw new UnprocessableException(Message.of("organisation.batch.item-invalid"), errors);
			}
			BatchResult result = current == null ? insertBatchItem(input, profile, contacts)
					: updateBatchItem(current, input.version(), profile, contacts);
			writes.recordOrganisation(caller, current == null ? null : current.profile(), result.organisation());
			for (int i = 0; i < after.size(); i++) {
				writes.recordContact(caller, result.organisation().id(), before.get(i), after.get(i));
			}
			return result;
		});
	}

	/** The external ids a batch item needs: the organisation's, and one per contact, none twice. */
	private static Map<String, Message> batchKeyErrors(String externalId, List<ContactInput> contacts) {
		Map<String, Message> errors = new LinkedHashMap<>();
		if (!ProfileRules.isExternalId(externalId)) {
			errors.put("externalId", externalId == null ? Message.of("field.required")
					: Message.of("profile.external-id.format"));
		}
		Map<String, Integer> seen = new LinkedHashMap<>();
		for (int i = 0; i < contacts.size(); i++) {
			ContactInput contact = contacts.get(i);
			String field = "contacts[" + i + "]";
			if (contact == null) {
				errors.put(field, Message.of("field.required"));
			}
			else if (!ProfileRules.isExternalId(contact.externalId())) {
				errors.put(field + ".externalId", contact.externalId() == null
						? Message.of("organisation.batch.contact-external-id.required")
						: Message.of("profile.external-id.format"));
			}
			else if (seen.putIfAbsent(contact.externalId(), i) != null) {
				errors.put(field + ".externalId",
						Message.of("organisation.batch.contact-external-id.repeated", seen.get(contact.externalId())));
			}
		}
		return errors;
	}

	private BatchResult insertBatchItem(OrganisationInput input, Organisation.Profile profile, List<Contact> contacts) {
		String id = writes.newId(input, profile);
		Organisation created = writes.insert(
				Organisation.create(id, null, null, null).withProfile(profile).withContacts(contacts));
		return new BatchResult(created, BatchOutcome.CREATED);
	}

	private BatchResult updateBatchItem(Organisation current, Long version, Organisation.Profile profile,
			List<Contact> contacts) {
		OrganisationWrites.checkVersion(current, version);
		Organisation saved = writes.saveIfChanged(current, current.withProfile(profile).withContacts(contacts));
		return new BatchResult(saved, saved == current ? BatchOutcome.UNCHANGED : BatchOutcome.UPDATED);
	}
}
