package com.rapport.benchmarks.growth;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.bson.types.ObjectId;

/**
 * Clone {@code n} of a demo organisation and of its history, as the services would have stored them:
 * <ul>
 * <li>the organisation: id {@code growth-000042}, the template's name with the number ({@code Acme Retail 000042}),
 * which is also added to its search keys, external keys made unique ({@code GROWTH-000042}, {@code ...-C1}); its
 * contacts get ids of their own and keep name, email, phone, language and consents, but no portal login, no
 * birthday (the greeting run would otherwise greet tens of thousands on the demo's birthdays) and no reorder
 * reminders (each due reorder of a clone would mail Alice Chen's clones; the mails are not what is measured);</li>
 * <li>each order: an id of its own, the clone's organisation, the template's number (unique per organisation), its own
 * {@code Idempotency-Key}, every time moved by the plan's days, empty outboxes (as once the relays have taken them);</li>
 * <li>each of its timeline entries: a new id, the clone's organisation, the clone's order in its event id and
 * reference, its times moved with the order.</li>
 * </ul>
 * Everything else is the template's: tier and stage, lines, totals, milestones, Spring Data's {@code _class}.
 */
final class GrowthClones {

	private static final long DAY_MILLIS = Duration.ofDays(1).toMillis();

	/** What a clone's order leaves empty, as once order-tracking-service's relays have taken it. */
	private static final List<String> OUTBOXES = List.of("outbox", "notices", "hooks", "live");

	private GrowthClones() {
	}

	/** One clone: its organisation, orders and timeline entries. */
	record Clone(Document organisation, List<Document> orders, List<Document> entries) {
	}

	static Clone of(GrowthTemplates.Template template, int n) {
		String id = GrowthPlan.id(n);
		List<Document> orders = new ArrayList<>();
		List<Document> entries = new ArrayList<>();
		for (int i = 0; i < template.orders().size(); i++) {
			Document order = template.orders().get(i);
			String templateId = order.getString("_id");
			String cloneId = GrowthPlan.uuid(n, templateId);
			long shift = -GrowthPlan.shiftDays(n, i, order.get("deliveredAt") != null) * DAY_MILLIS;
			orders.add(order(order, id, cloneId, n, i, shift));
			for (Document entry : template.entries().getOrDefault(templateId, List.of())) {
				entries.add(entry(entry, id, templateId, cloneId, shift));
			}
		}
		return new Clone(organisation(template.organisation(), n), orders, entries);
	}

	static Document organisation(Document template, int n) {
		String number = GrowthPlan.number(n);
		Document clone = (Document) copy(template, 0, null, null);
		clone.put("_id", GrowthPlan.id(n));
		clone.put("name", template.getString("name") + " " + number);
		if (template.get("externalId") != null) {
			clone.put("externalId", "GROWTH-" + number);
		}
		List<Document> contacts = new ArrayList<>();
		List<Document> templateContacts = template.getList("contacts", Document.class, List.of());
		for (int i = 0; i < templateContacts.size(); i++) {
			Document contact = (Document) copy(templateContacts.get(i), 0, null, null);
			// Spring Data stores an embedded record's id as _id.
			String idField = contact.containsKey("_id") ? "_id" : "id";
			contact.put(idField, GrowthPlan.uuid(n, "contact-" + templateContacts.get(i).get(idField)));
			if (contact.get("externalId") != null) {
				contact.put("externalId", "GROWTH-" + number + "-C" + (i + 1));
			}
			contact.remove("username");
			contact.remove("invitation");
			contact.remove("birthday");
			if (contact.containsKey("reorderReminderConsent")) {
				contact.put("reorderReminderConsent", false);
			}
			contacts.add(contact);
		}
		clone.put("contacts", contacts);
		List<String> keys = new ArrayList<>(template.getList("searchKeys", String.class, List.of()));
		if (!keys.contains(number)) {
			keys.add(number);
		}
		clone.put("searchKeys", keys);
		clone.put("birthdayKeys", new ArrayList<>());
		return clone;
	}

	static Document order(Document template, String organisationId, String id, int n, int i, long shift) {
		Document clone = (Document) copy(template, shift, null, null);
		clone.put("_id", id);
		clone.put("customerId", organisationId);
		if (template.get("idempotencyKey") != null) {
			clone.put("idempotencyKey", "growth-seed-" + n + "-" + i);
		}
		for (String outbox : OUTBOXES) {
			if (template.containsKey(outbox)) {
				clone.put(outbox, new ArrayList<>());
			}
		}
		return clone;
	}

	static Document entry(Document template, String organisationId, String templateOrderId, String orderId,
			long shift) {
		Document clone = (Document) copy(template, shift, templateOrderId, orderId);
		clone.put("_id", new ObjectId());
		clone.put("organisationId", organisationId);
		return clone;
	}

	/** A deep copy, every date moved by {@code shift} ms, every text's {@code from} (when given) replaced by {@code to}. */
	static Object copy(Object value, long shift, String from, String to) {
		if (value instanceof Document document) {
			Document copy = new Document();
			for (Map.Entry<String, Object> field : document.entrySet()) {
				copy.put(field.getKey(), copy(field.getValue(), shift, from, to));
			}
			return copy;
		}
		if (value instanceof List<?> list) {
			List<Object> copy = new ArrayList<>(list.size());
			list.forEach(item -> copy.add(copy(item, shift, from, to)));
			return copy;
		}
		if (value instanceof Date date) {
			return new Date(date.getTime() + shift);
		}
		if (value instanceof String text && from != null) {
			return text.replace(from, to);
		}
		return value;
	}
}
