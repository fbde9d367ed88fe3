package com.rapport.ticket.macro;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.rapport.support.audit.AuditTrail;
import com.rapport.support.error.Message;
import com.rapport.support.error.NotFoundException;
import com.rapport.support.error.RemoteUnavailableException;
import com.rapport.support.error.UnprocessableException;
import com.rapport.support.security.Caller;
import com.rapport.ticket.customer.ContactDirectory;
import com.rapport.ticket.ticket.Requester;
import com.rapport.ticket.ticket.Ticket;
import com.rapport.ticket.ticket.TicketConversation;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.validation.Errors;
import org.springframework.validation.MapBindingResult;

/**
 * The macros: staff list them and fill one in for a ticket; managers and admins create, change and delete them,
 * validated (every bad field named, {@code macro.cannot-save}) and audited ({@code macro.created},
 * {@code macro.changed}, {@code macro.deleted}; never the text).
 */
@Service
public class Macros {

	/** The placeholders a macro's text may hold. */
	public static final List<String> PLACEHOLDERS = List.of("contact_name", "ticket_number", "order_number");

	static final int MAX_NAME = 80;

	static final int MAX_BODY = 5000;

	private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([^{}]*?)\\s*\\}\\}");

	private final MongoTemplate mongo;

	private final TicketConversation conversation;

	private final ContactDirectory contacts;

	private final AuditTrail audit;

	private final Clock clock;

	Macros(MongoTemplate mongo, TicketConversation conversation, ContactDirectory contacts, AuditTrail audit,
			Clock clock) {
		this.mongo = mongo;
		this.conversation = conversation;
		this.contacts = contacts;
		this.audit = audit;
		this.clock = clock;
	}

	/** A macro filled in for a ticket, and the language of its text ({@code en}, {@code zh-CN}). */
	public record Rendered(String body, String language) {
	}

	public List<Macro> list(Caller caller) {
		requireStaff(caller);
		return mongo.find(new Query().with(Sort.by("name")), Macro.class);
	}

	/** Creates ({@code id} empty) or changes a macro. */
	public Macro save(Caller caller, Macro macro) {
		requireManager(caller);
		String id = macro.id() == null ? "" : macro.id().strip();
		Macro before = id.isEmpty() ? null : find(id);
		Errors errors = new MapBindingResult(new LinkedHashMap<>(), "macro");
		String name = macro.name() == null ? "" : macro.name().strip();
		if (name.isEmpty()) {
			errors.rejectValue("name", "field.required");
		}
		else if (name.length() > MAX_NAME) {
			errors.rejectValue("name", "field.too-long", new Object[] { MAX_NAME }, null);
		}
		else if (mongo.exists(Query.query(Criteria.where("name").is(name).and("_id").ne(id)), Macro.class)) {
			errors.rejectValue("name", "macro.name-taken", new Object[] { name }, null);
		}
		checkBody(errors, "bodyEn", macro.bodyEn());
		checkBody(errors, "bodyZh", macro.bodyZh());
		UnprocessableException.throwIfAny(Message.of("macro.cannot-save"), errors);
		Macro saved;
		try {
			saved = mongo.save(new Macro(before == null ? UUID.randomUUID().toString() : before.id(), name,
					macro.bodyEn().strip(), macro.bodyZh().strip(), clock.instant(), caller.name()));
		}
		catch (DuplicateKeyException ex) {
			// Another manager took the name meanwhile.
			throw UnprocessableException.field(Message.of("macro.cannot-save"), "name",
					Message.of("macro.name-taken", name));
		}
		Map<String, String> details = new LinkedHashMap<>();
		details.put("name", before == null ? saved.name() : before.name() + " -> " + saved.name());
		audit.record(caller, before == null ? "macro.created" : "macro.changed", "macro", saved.id(), null, details);
		return saved;
	}

	public void delete(Caller caller, String id) {
		requireManager(caller);
		Macro macro = find(id == null ? "" : id.strip());
		mongo.remove(Query.query(Criteria.where("_id").is(macro.id())), Macro.class);
		audit.record(caller, "macro.deleted", "macro", macro.id(), null, Map.of("name", macro.name()));
	}

	/**
	 * The macro for a reply on the ticket: in its contact's language (Chinese for zh-CN, else English, and English
	 * while customer-service cannot say), the placeholders filled in (a value the ticket lacks: empty).
	 */
	public Rendered render(Caller caller, String macroId, String ticketId) {
		requireStaff(caller);
		Macro macro = find(macroId == null ? "" : macroId.strip());
		Ticket ticket = conversation.get(caller, ticketId).ticket();
		String language = language(ticket);
		String body = "zh-CN".equals(language) ? macro.bodyZh() : macro.bodyEn();
		Requester requester = ticket.requester();
		Map<String, String> values = Map.of("contact_name",
				requester == null || requester.name() == null ? "" : requester.name(), "ticket_number", ticket.number(),
				"order_number", ticket.classification() == null || ticket.classification().orderNumber() == null ? ""
						: ticket.classification().orderNumber());
		return new Rendered(fill(body, values), language);
	}

	/** {@code body} with each placeholder replaced by its value. */
	static String fill(String body, Map<String, String> values) {
		Matcher matcher = PLACEHOLDER.matcher(body);
		StringBuilder filled = new StringBuilder();
		while (matcher.find()) {
			matcher.appendReplacement(filled, Matcher.quoteReplacement(values.getOrDefault(matcher.group(1), "")));
		}
		matcher.appendTail(filled);
		return filled.toString();
	}

	private String language(Ticket ticket) {
		Requester requester = ticket.requester();
		if (requester == null || (requester.contactId() == null && requester.email() == null)) {
			return "en";
		}
		try {
			return contacts.contact(ticket.customerId(), requester.contactId(), requester.email())
				.map(ContactDirectory.KnownContact::language)
				.filter(l -> l.toLowerCase(java.util.Locale.ROOT).startsWith("zh"))
				.map(l -> "zh-CN")
				.orElse("en");
		}
		catch (RemoteUnavailableException ex) {
			return "en";
		}
	}

	private Macro find(String id) {
		Macro macro = id.isEmpty() ? null : mongo.findById(id, Macro.class);
		if (macro == null) {
			throw new NotFoundException(Message.of("macro.not-found", id));
		}
		return macro;
	}

	private static void checkBody(Errors errors, String field, String body) {
		if (body == null || body.isBlank()) {
			errors.rejectValue(field, "field.required");
			return;
		}
		if (body.strip().length() > MAX_BODY) {
			errors.rejectValue(field, "field.too-long", new Object[] { MAX_BODY }, null);
			return;
		}
		Matcher matcher = PLACEHOLDER.matcher(body);
		while (matcher.find()) {
			if (!PLACEHOLDERS.contains(matcher.group(1))) {
				errors.rejectValue(field, "macro.placeholder.unknown", new Object[] { matcher.group(1) }, null);
				return;
			}
		}
	}

	/** Stores the macro unless one of its name is stored: the platform's own work (the demo), not audited. */
	public void storeIfAbsent(Macro macro) {
		if (!mongo.exists(Query.query(Criteria.where("name").is(macro.name())), Macro.class)) {
			mongo.save(macro);
		}
	}

	private static void requireStaff(Caller caller) {
		if (!caller.hasRole(Caller.AGENT) && !caller.hasRole(Caller.MANAGER) && !caller.hasRole(Caller.ADMIN)) {
			throw new AccessDeniedException("Macros are for staff");
		}
	}

	private static void requireManager(Caller caller) {
		if (!caller.hasRole(Caller.MANAGER) && !caller.hasRole(Caller.ADMIN)) {
			throw new AccessDeniedException("Macros are kept by managers");
		}
	}
}
