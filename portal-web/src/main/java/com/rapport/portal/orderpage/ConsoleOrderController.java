package com.rapport.portal.orderpage;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;

import com.google.protobuf.Timestamp;
import com.rapport.contracts.ordertracking.v1.DelayRemedy;
import com.rapport.contracts.ordertracking.v1.Milestone;
import com.rapport.contracts.ordertracking.v1.MilestoneCode;
import com.rapport.contracts.ordertracking.v1.Order;
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
import org.springframework.web.util.UriComponentsBuilder;

/**
 * {@code /console/orders/{organisation}/{orderNumber}}: one order for staff — its facts, its milestones in event-time
 * order (flagged when reported backwards or after a later step), its delay with reason and remedy and a form to
 * record one, and its notification log (emails, SMS, portal inbox) with <em>Send again</em> on a failed or dead
 * one. Staff only; order-tracking-service decides again.
 */
@Controller
@PreAuthorize("hasAnyRole('agent', 'manager', 'admin')")
class ConsoleOrderController {

	static final List<String> REMEDIES = List.of("PARTIAL_SHIPMENT", "DISCOUNT", "SUBSTITUTE", "EXPEDITED_SHIPPING",
			"NEW_DATE");

	private static final Set<String> RESENDABLE = Set.of("FAILED", "DEAD");

	private final OrderPageClient client;

	private final Texts texts;

	ConsoleOrderController(OrderPageClient client, Texts texts) {
		this.client = client;
		this.texts = texts;
	}

	/** A milestone as the page shows it: {@code late} when a later step had been reported before it arrived. */
	record Step(Milestone milestone, boolean late) {
	}

	/** What the delay form was sent with, kept when it is refused. */
	record DelayForm(String reason, String remedy, String newDate, String remedyNote) {

		static final DelayForm EMPTY = new DelayForm("", "", "", "");
	}

	@GetMapping("/console/orders/{organisation}/{orderNumber}")
	String show(@PathVariable String organisation, @PathVariable String orderNumber,
			@RequestParam(required = false) String notice, Model model) {
		Order order = client.order(organisation, orderNumber);
		return page(model, order, notice == null ? "" : notice, null, DelayForm.EMPTY, Map.of());
	}

	/** Sends a failed or dead notification again; one sent or still being tried is refused and said why. */
	@PostMapping("/console/orders/{organisation}/{orderNumber}/notifications/resend")
	String resend(@PathVariable String organisation, @PathVariable String orderNumber,
			@RequestParam String notificationId, Model model, HttpServletResponse response) {
		Order order = client.order(organisation, orderNumber);
		try {
			client.resend(notificationId);
			return redirect(order, "resent");
		}
		catch (ConflictException ex) {
			response.setStatus(HttpServletResponse.SC_CONFLICT);
			return page(model, order, "", texts.reason(ex, ex.reason(), LocaleContextHolder.getLocale()),
					DelayForm.EMPTY, Map.of());
		}
	}

	/**
	 * Records why the order is late and the remedy offered (order-tracking-service tells the organisation's contacts
	 * at once). A remedy the form does not offer or a date that is not one is refused here, not sent.
	 */
	@PostMapping("/console/orders/{organisation}/{orderNumber}/delay")
	String recordDelay(@PathVariable String organisation, @PathVariable String orderNumber,
			@RequestParam(defaultValue = "") String reason, @RequestParam(defaultValue = "") String remedy,
			@RequestParam(defaultValue = "") String newDate, @RequestParam(defaultValue = "") String remedyNote,
			Model model, HttpServletResponse response) {
		Order order = client.order(organisation, orderNumber);
		DelayForm form = new DelayForm(reason, remedy, newDate.trim(), remedyNote);
		Map<String, String> errors = new LinkedHashMap<>();
		if (!REMEDIES.contains(remedy)) {
			errors.put("remedy", say("console.order.delay.remedy-unknown"));
		}
		if (!form.newDate().isEmpty()) {
			try {
				LocalDate.parse(form.newDate());
			}
			catch (DateTimeParseException ex) {
				errors.put("newDate", say("console.order.delay.date-invalid"));
			}
		}
		if (errors.isEmpty()) {
			try {
				client.recordDelay(order.getId(), reason.trim(), DelayRemedy.valueOf("DELAY_REMEDY_" + remedy),
						remedyNote.trim(), form.newDate());
				return redirect(order, "delay-recorded");
			}
			catch (UnprocessableException ex) {
				errors.putAll(fieldsOf(ex));
			}
			catch (ConflictException ex) {
				response.setStatus(HttpServletResponse.SC_CONFLICT);
				return page(model, order, "", texts.reason(ex, ex.reason(), LocaleContextHolder.getLocale()), form,
						Map.of());
			}
		}
		response.setStatus(422);
		return page(model, order, "", null, form, errors);
	}

	private String page(Model model, Order order, String notice, String refusal, DelayForm form,
			Map<String, String> errors) {
		model.addAttribute("order", order);
		model.addAttribute("steps", steps(order.getMilestonesList()));
		model.addAttribute("notifications", client.notifications(order.getId()));
		model.addAttribute("resendable", RESENDABLE);
		model.addAttribute("remedies", REMEDIES);
		model.addAttribute("open", !order.getCancelled() && order.getMilestonesList().stream()
			.noneMatch(m -> m.getCode() == MilestoneCode.MILESTONE_CODE_DELIVERED));
		model.addAttribute("notice", notice);
		model.addAttribute("refusal", refusal);
		model.addAttribute("delayForm", form);
		model.addAttribute("errors", errors);
		return "console/order";
	}

	/** The milestones as kept (event-time order), each flagged when a later step had been reported before it. */
	static List<Step> steps(List<Milestone> milestones) {
		List<Step> steps = new ArrayList<>();
		for (Milestone m : milestones) {
			boolean late = m.hasReceivedAt() && milestones.stream()
				.anyMatch(other -> other != m && other.hasReceivedAt()
						&& before(m.getOccurredAt(), other.getOccurredAt())
						&& before(other.getReceivedAt(), m.getReceivedAt()));
			steps.add(new Step(m, late));
		}
		return steps;
	}

	private static boolean before(Timestamp a, Timestamp b) {
		return a.getSeconds() < b.getSeconds() || (a.getSeconds() == b.getSeconds() && a.getNanos() < b.getNanos());
	}

	private Map<String, String> fieldsOf(UnprocessableException ex) {
		Map<String, String> fields = new LinkedHashMap<>();
		texts.fields(ex, LocaleContextHolder.getLocale()).forEach((field, words) -> fields.put(switch (field) {
			case "new_date", "newDate" -> "newDate";
			case "remedy_note", "remedyNote" -> "remedyNote";
			case "reason", "remedy" -> field;
			default -> "request";
		}, words));
		if (fields.isEmpty()) {
			fields.put("request", texts.reason(ex, ex.reason(), LocaleContextHolder.getLocale()));
		}
		return fields;
	}

	private String say(String code) {
		return texts.say(LocaleContextHolder.getLocale(), code);
	}

	private static String redirect(Order order, String notice) {
		return "redirect:" + UriComponentsBuilder.fromPath("/console/orders/{organisation}/{number}")
			.queryParam("notice", notice).buildAndExpand(order.getCustomerId(), order.getOrderNumber()).encode()
			.toUriString();
	}
}
