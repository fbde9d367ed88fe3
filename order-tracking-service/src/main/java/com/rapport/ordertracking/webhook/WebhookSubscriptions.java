package com.rapport.ordertracking.webhook;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.rapport.ordertracking.order.OrderEvent;
import com.rapport.ordertracking.order.OrderHooks;
import com.rapport.support.audit.AuditTrail;
import com.rapport.support.error.Message;
import com.rapport.support.error.NotFoundException;
import com.rapport.support.error.UnprocessableException;
import com.rapport.support.security.Caller;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * Admins' webhook subscriptions: listed, created (with a secret the service makes and answers once), changed,
 * enabled, disabled, deleted, their secret rotated. Admins only; every change is audited ({@code webhook.*}, the
 * address's host and the events named, never the secret).
 */
@Service
public class WebhookSubscriptions {

	static final int MAX = 200;

	static final int MAX_URL = 2000;

	static final int MAX_DESCRIPTION = 200;

	private static final List<String> KNOWN_EVENTS = OrderHooks.KINDS.stream().map(OrderEvent.Kind::name).toList();

	/** The kinds a refusal names, for the reader. */
	private static final String KNOWN_EVENT_NAMES = String.join(", ", KNOWN_EVENTS);

	private final MongoTemplate mongo;

	private final AuditTrail audit;

	private final Clock clock;

	WebhookSubscriptions(MongoTemplate mongo, AuditTrail audit, Clock clock) {
		this.mongo = mongo;
		this.audit = audit;
		this.clock = clock;
	}

	/** What an admin sets: the address, the events, a description. */
	public record Draft(String url, List<String> events, String description) {
	}

	/** Every subscription, newest first (index {@code created}), without secrets. */
	public List<WebhookSubscription> list(Caller caller) {
		requireAdmin(caller);
		return mongo.find(new Query().with(Sort.by(Sort.Direction.DESC, "createdAt")).limit(MAX),
				WebhookSubscription.class).stream().map(WebhookSubscription::withoutSecret).toList();
	}

	public WebhookSubscription get(Caller caller, String id) {
		requireAdmin(caller);
		return find(id).withoutSecret();
	}

	public WebhookSubscription.WithSecret create(Caller caller, Draft draft) {
		requireAdmin(caller);
		Draft valid = validate(draft);
		Instant now = clock.instant();
		String secret = WebhookSignature.newSecret();
		WebhookSubscription created = mongo.insert(new WebhookSubscription(UUID.randomUUID().toString(), valid.url(),
				valid.events(), valid.description(), secret, true, null, null, null, null, caller.name(), now,
				caller.name(), now, null, null, null));
		audit.record(caller, "webhook.created", "webhook", created.id(), null, details(valid));
		return new WebhookSubscription.WithSecret(created.withoutSecret(), secret);
	}

	public WebhookSubscription update(Caller caller, String id, Draft draft) {
		requireAdmin(caller);
		Draft valid = validate(draft);
		WebhookSubscription changed = change(caller, id, new Update().set("url", valid.url())
			.set("events", valid.events()).set("description", valid.description()));
		audit.record(caller, "webhook.updated", "webhook", id, null, details(valid));
		return changed;
	}

	/** Enabled again: its failures are forgotten, deliveries flow from the next event on. */
	public WebhookSubscription enable(Caller caller, String id) {
		requireAdmin(caller);
		WebhookSubscription changed = change(caller, id, new Update().set("enabled", true).unset("disabledReason")
			.unset("disabledAt").unset("failingSince").unset("alertDueAt"));
		audit.record(caller, "webhook.enabled", "webhook", id, null, Map.of());
		return changed;
	}

	public WebhookSubscription disable(Caller caller, String id) {
		requireAdmin(caller);
		WebhookSubscription changed = change(caller, id, new Update().set("enabled", false)
			.set("disabledReason", WebhookSubscription.DisabledReason.BY_ADMIN).set("disabledAt", clock.instant())
			.unset("alertDueAt"));
		audit.record(caller, "webhook.disabled", "webhook", id, null, Map.of());
		return changed;
	}

	/** Gone; its deliveries stay in the log, and those still waiting fail (nowhere to send them). */
	public void delete(Caller caller, String id) {
		requireAdmin(caller);
		if (mongo.remove(Query.query(Criteria.where("_id").is(id)), WebhookSubscription.class).getDeletedCount() == 0) {
			throw notFound(id);
		}
		audit.record(caller, "webhook.deleted", "webhook", id, null, Map.of());
	}

	/** A new secret at once: the next try of every delivery is signed with it. */
	public WebhookSubscription.WithSecret rotateSecret(Caller caller, String id) {
		requireAdmin(caller);
		String secret = WebhookSignature.newSecret();
		WebhookSubscription changed = change(caller, id, new Update().set("secret", secret));
		audit.record(caller, "webhook.secret-rotated", "webhook", id, null, Map.of());
		return new WebhookSubscription.WithSecret(changed, secret);
	}

	private WebhookSubscription change(Caller caller, String id, Update update) {
		WebhookSubscription changed = mongo.findAndModify(Query.query(Criteria.where("_id").is(id)),
				update.set("changedBy", caller.name()).set("changedAt", clock.instant()),
				FindAndModifyOptions.options().returnNew(true), WebhookSubscription.class);
		if (changed == null) {
			throw notFound(id);
		}
		return changed.withoutSecret();
	}

	WebhookSubscription find(String id) {
		WebhookSubscription found = id == null ? null : mongo.findById(id, WebhookSubscription.class);
		if (found == null) {
			throw notFound(id);
		}
		return found;
	}

	static NotFoundException notFound(String id) {
		return new NotFoundException(Message.of("webhooks.not-found", id));
	}

	/** Every bad field at once: an absolute http(s) address, one or more known events, a short description. */
	static Draft validate(Draft draft) {
		Map<String, Message> errors = new LinkedHashMap<>();
		String url = draft.url() == null ? "" : draft.url().trim();
		if (!isWebAddress(url)) {
			errors.put("url", Message.of("webhooks.url.format"));
		}
		Set<String> events = new LinkedHashSet<>();
		for (String event : draft.events() == null ? List.<String>of() : draft.events()) {
			String name = event == null ? "" : event.trim().toUpperCase(Locale.ROOT);
			if (!KNOWN_EVENTS.contains(name)) {
				errors.putIfAbsent("events", Message.of("webhooks.events.unknown", KNOWN_EVENT_NAMES));
			}
			events.add(name);
		}
		if (events.isEmpty()) {
			errors.putIfAbsent("events", Message.of("webhooks.events.none"));
		}
		String description = draft.description() == null ? "" : draft.description().trim();
		if (description.length() > MAX_DESCRIPTION) {
			errors.put("description", Message.of("field.too-long", MAX_DESCRIPTION));
		}
		else if (description.chars().anyMatch(Character::isISOControl)) {
			errors.put("description", Message.of("text.line-breaks"));
		}
		if (!errors.isEmpty()) {
			throw new UnprocessableException(Message.of("problem.invalid-fields"), errors);
		}
		return new Draft(url, List.copyOf(events), description);
	}

	private static boolean isWebAddress(String url) {
		if (url.isEmpty() || url.length() > MAX_URL || url.chars().anyMatch(c -> c <= ' ' || c >= 127)) {
			return false;
		}
		try {
			URI uri = new URI(url);
			String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
			return uri.isAbsolute() && (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null
					&& uri.getRawUserInfo() == null && uri.getRawFragment() == null;
		}
		catch (URISyntaxException ex) {
			return false;
		}
	}

	private static Map<String, String> details(Draft draft) {
		Map<String, String> details = new LinkedHashMap<>();
		details.put("host", URI.create(draft.url()).getHost());
		details.put("events", String.join(",", draft.events()));
		return details;
	}

	static void requireAdmin(Caller caller) {
		if (!caller.hasRole(Caller.ADMIN)) {
			throw new AccessDeniedException("Webhooks are for admins");
		}
	}
}
