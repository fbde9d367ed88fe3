package com.rapport.portal.console;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import com.rapport.contracts.ordertracking.v1.ListWebhookDeliveriesResponse;
import com.rapport.contracts.ordertracking.v1.WebhookSubscription;
import com.rapport.contracts.ordertracking.v1.WebhookSubscriptionDraft;
import com.rapport.contracts.ordertracking.v1.WebhookSubscriptionWithSecret;
import com.rapport.portal.remote.WebhookClient;
import com.rapport.support.error.ConflictException;
import com.rapport.support.error.UnprocessableException;
import com.rapport.support.message.Texts;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Partner webhooks for admins: the subscriptions with their state and last delivery (and a notice of those disabled
 * after failing), the form to add or change one, the secret shown once (on creation and rotation, never in an
 * address), and a subscription's delivery history with a replay button. order-tracking-service decides and
 * checks every field; the form comes back with what was typed and each bad field named. Every form carries the
 * session's CSRF token, which the gateway checks.
 */
@Controller
@PreAuthorize("hasRole('admin')")
class WebhookController {

	/** The order events a subscription may name, as order-tracking-service knows them, in reading order. */
	static final List<String> EVENTS = List.of("ORDER_PLACED", "MILESTONE_REACHED", "ORDER_DELIVERED",
			"PROMISE_CHANGED", "ETA_CHANGED", "LINES_CHANGED", "ORDER_AT_RISK", "ORDER_DELAYED", "ORDER_CANCELLED",
			"DRAFT_CREATED");

	static final int PAGE = 20;

	private final WebhookClient webhooks;

	private final Texts texts;

	WebhookController(WebhookClient webhooks, Texts texts) {
		this.webhooks = webhooks;
		this.texts = texts;
	}

	@GetMapping("/console/webhooks")
	String list(@RequestParam(required = false) String notice, Model model) {
		List<WebhookSubscription> subscriptions = webhooks.subscriptions();
		model.addAttribute("subscriptions", subscriptions);
		model.addAttribute("failing",
				subscriptions.stream().filter(s -> "FAILING".equals(s.getDisabledReason())).toList());
		model.addAttribute("notice", "deleted".equals(notice) ? notice : null);
		return "console/webhooks";
	}

	@GetMapping("/console/webhooks/new")
	String newForm(Model model) {
		return form(model, null, "", List.of(), "", Map.of());
	}

	@PostMapping("/console/webhooks")
	String create(@RequestParam(defaultValue = "") String url,
			@RequestParam(name = "events", required = false) List<String> events,
			@RequestParam(defaultValue = "") String description, Model model, HttpServletResponse response) {
		Map<String, String> errors = new LinkedHashMap<>();
		try {
			WebhookSubscriptionWithSecret created = webhooks.create(draft(url, events, description));
			response.setStatus(201);
			return secret(model, created, "created");
		}
		catch (UnprocessableException ex) {
			errors.putAll(fieldsOf(ex));
		}
		response.setStatus(422);
		return form(model, null, url, events, description, errors);
	}

	@GetMapping("/console/webhooks/{id}/edit")
	String editForm(@PathVariable String id, Model model) {
		WebhookSubscription subscription = webhooks.subscription(id);
		return form(model, subscription, subscription.getUrl(), subscription.getEventsList(),
				subscription.getDescription(), Map.of());
	}

	@PostMapping("/console/webhooks/{id}")
	String update(@PathVariable String id, @RequestParam(defaultValue = "") String url,
			@RequestParam(name = "events", required = false) List<String> events,
			@RequestParam(defaultValue = "") String description, Model model, HttpServletResponse response) {
		try {
			webhooks.update(id, draft(url, events, description));
			return "redirect:/console/webhooks/" + id + "?notice=saved";
		}
		catch (UnprocessableException ex) {
			response.setStatus(422);
			return form(model, webhooks.subscription(id), url, events, description, fieldsOf(ex));
		}
	}

	@PostMapping("/console/webhooks/{id}/enable")
	String enable(@PathVariable String id) {
		webhooks.enable(id);
		return "redirect:/console/webhooks/" + id + "?notice=enabled";
	}

	@PostMapping("/console/webhooks/{id}/disable")
	String disable(@PathVariable String id) {
		webhooks.disable(id);
		return "redirect:/console/webhooks/" + id + "?notice=disabled";
	}

	@PostMapping("/console/webhooks/{id}/delete")
	String delete(@PathVariable String id) {
		webhooks.delete(id);
		return "redirect:/console/webhooks?notice=deleted";
	}

	/** A new secret, shown on this answer only. */
	@PostMapping("/console/webhooks/{id}/secret")
	String rotate(@PathVariable String id, Model model) {
		return secret(model, webhooks.rotateSecret(id), "rotated");
	}

	@GetMapping("/console/webhooks/{id}")
	String show(@PathVariable String id, @RequestParam(defaultValue = "0") int page,
			@RequestParam(required = false) String notice, Model model) {
		return history(model, webhooks.subscription(id), Math.max(page, 0),
				notice != null && List.of("saved", "enabled", "disabled", "replayed").contains(notice) ? notice : null, null);
	}

	/** Sends a finished delivery again; one still being tried, or of a disabled subscription, is refused and said why. */
	@PostMapping("/console/webhooks/{id}/replay")
	String replay(@PathVariable String id, @RequestParam String deliveryId, @RequestParam(defaultValue = "0") int page,
			Model model, HttpServletResponse response) {
		try {
			webhooks.replay(deliveryId);
			return "redirect:/console/webhooks/" + id + "?notice=replayed&page=" + Math.max(page, 0);
		}
		catch (ConflictException ex) {
			response.setStatus(409);
			return history(model, webhooks.subscription(id), Math.max(page, 0), null,
					texts.reason(ex, ex.reason(), LocaleContextHolder.getLocale()));
		}
	}

	private String history(Model model, WebhookSubscription subscription, int page, String notice, String refusal) {
		ListWebhookDeliveriesResponse deliveries = webhooks.deliveries(subscription.getId(), page, PAGE);
		model.addAttribute("subscription", subscription);
		model.addAttribute("deliveries", deliveries.getDeliveriesList());
		model.addAttribute("page", page);
		model.addAttribute("more", deliveries.getMore());
		model.addAttribute("notice", notice);
		model.addAttribute("refusal", refusal);
		return "console/webhook";
	}

	private static String secret(Model model, WebhookSubscriptionWithSecret shown, String how) {
		model.addAttribute("subscription", shown.getSubscription());
		model.addAttribute("secret", shown.getSecret());
		model.addAttribute("how", how);
		return "console/webhook-secret";
	}

	private static String form(Model model, WebhookSubscription subscription, String url, List<String> events,
			String description, Map<String, String> errors) {
		model.addAttribute("subscription", subscription);
		model.addAttribute("url", url);
		model.addAttribute("chosen", events == null ? List.of() : events);
		model.addAttribute("description", description);
		model.addAttribute("events", EVENTS);
		model.addAttribute("errors", errors);
		return "console/webhook-form";
	}

	private Map<String, String> fieldsOf(UnprocessableException ex) {
		Map<String, String> errors = new LinkedHashMap<>();
		if (ex.fieldErrors().isEmpty()) {
			errors.put("request", String.valueOf(texts.reason(ex, ex.reason(), LocaleContextHolder.getLocale())));
		}
		else {
			errors.putAll(texts.fields(ex, LocaleContextHolder.getLocale()));
		}
		return errors;
	}

	private static WebhookSubscriptionDraft draft(String url, List<String> events, String description) {
		return WebhookSubscriptionDraft.newBuilder().setUrl(url.strip())
			.addAllEvents(events == null ? List.of() : events).setDescription(description.strip()).build();
	}
}
