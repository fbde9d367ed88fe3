package com.rapport.portal.console;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.google.protobuf.Timestamp;
import com.rapport.contracts.audit.v1.ListAuditEntriesRequest;
import com.rapport.contracts.audit.v1.VerifyAuditTrailResponse;
import com.rapport.portal.remote.AuditClient;
import com.rapport.portal.web.Formats;
import com.rapport.support.error.UnprocessableException;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The audit trail for admins: every service's entries joined newest first, filtered, and a check of each
 * service's chain. A service that cannot be reached is named; the others are still shown.
 */
@Controller
@PreAuthorize("hasRole('admin')")
class AuditController {

	static final int PAGE = 100;

	private final AuditClient audit;

	private final Formats formats;

	AuditController(AuditClient audit, Formats formats) {
		this.audit = audit;
		this.formats = formats;
	}

	@GetMapping("/console/audit")
	String trail(@RequestParam(defaultValue = "") String service, @RequestParam(defaultValue = "") String actor,
			@RequestParam(defaultValue = "") String action, @RequestParam(defaultValue = "") String recordId,
			@RequestParam(defaultValue = "") String organisation, @RequestParam(defaultValue = "") String from,
			@RequestParam(defaultValue = "") String to, @RequestParam(defaultValue = "") String before, Model model) {
		Map<String, String> filters = new LinkedHashMap<>();
		filters.put("service", service.strip());
		filters.put("actor", actor.strip());
		filters.put("action", action.strip());
		filters.put("recordId", recordId.strip());
		filters.put("organisation", organisation.strip());
		filters.put("from", from.strip());
		filters.put("to", to.strip());
		model.addAttribute("filters", filters);
		model.addAttribute("services", AuditClient.SERVICES);
		model.addAttribute("entries", List.of());
		model.addAttribute("unavailable", List.of());
		model.addAttribute("invalid", false);
		model.addAttribute("olderBefore", "");
		List<String> services = service.isBlank() ? AuditClient.SERVICES
				: AuditClient.SERVICES.stream().filter(service.strip()::equals).toList();
		ListAuditEntriesRequest.Builder request = ListAuditEntriesRequest.newBuilder().setActor(actor.strip())
			.setAction(action.strip()).setRecordId(recordId.strip()).setOrganisationId(organisation.strip());
		try {
			if (services.isEmpty()) {
				throw new IllegalArgumentException("unknown service");
			}
			if (!from.isBlank()) {
				request.setFrom(timestamp(startOf(from)));
			}
			Instant end = to.isBlank() ? null : startOf(to).plusSeconds(86_400);
			if (!before.isBlank()) {
				Instant cursor = Instant.parse(before.strip());
				end = end == null || cursor.isBefore(end) ? cursor : end;
			}
			if (end != null) {
				request.setTo(timestamp(end));
			}
			AuditClient.Page page = audit.entries(services, request.build(), PAGE);
			model.addAttribute("entries", page.entries());
			model.addAttribute("unavailable", page.unavailable());
			if (page.more() && !page.entries().isEmpty()) {
				Timestamp oldest = page.entries().get(page.entries().size() - 1).entry().getAt();
				model.addAttribute("olderBefore", Instant.ofEpochSecond(oldest.getSeconds(), oldest.getNanos()).toString());
			}
		}
		catch (IllegalArgumentException | DateTimeParseException | UnprocessableException ex) {
			model.addAttribute("invalid", true);
		}
		return "console/audit";
	}

	@GetMapping("/console/audit/verify")
	String verify(Model model) {
		Map<String, VerifyAuditTrailResponse> results = new LinkedHashMap<>();
		AuditClient.SERVICES.forEach(service -> results.put(service, audit.verify(service)));
		model.addAttribute("results", results);
		return "console/audit-verify";
	}

	/** The first instant of a day in the viewer's time zone. */
	private Instant startOf(String isoDate) {
		return LocalDate.parse(isoDate.strip()).atStartOfDay(formats.zone()).toInstant();
	}

	private static Timestamp timestamp(Instant instant) {
		return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).setNanos(instant.getNano()).build();
	}
}
