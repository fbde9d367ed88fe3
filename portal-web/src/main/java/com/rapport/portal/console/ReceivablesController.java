package com.rapport.portal.console;

import java.util.ArrayList;
import java.util.List;

import com.rapport.contracts.ordertracking.v1.Instalment;
import com.rapport.portal.remote.ReceivablesClient;
import com.rapport.support.error.ConflictException;
import com.rapport.support.error.UnprocessableException;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Receivables with their reminder cadence ({@code /console/receivables}): every open invoice (or one organisation's,
 * or also the settled ones), the steps sent and the next, and what pauses it. Staff record a promise to pay or an
 * instalment plan on an invoice; managers and admins change the cadence. order-tracking-service decides.
 */
@Controller
@PreAuthorize("hasAnyRole('agent', 'manager', 'admin')")
class ReceivablesController {

	private final ReceivablesClient receivables;

	ReceivablesController(ReceivablesClient receivables) {
		this.receivables = receivables;
	}

	@GetMapping("/console/receivables")
	String list(@RequestParam(defaultValue = "") String customerId, @RequestParam(defaultValue = "false") boolean all,
			@RequestParam(required = false) String notice, Model model) {
		model.addAttribute("invoices", receivables.invoices(customerId.strip(), !all));
		model.addAttribute("cadence", receivables.cadence());
		model.addAttribute("customerId", customerId.strip());
		model.addAttribute("all", all);
		model.addAttribute("notice", notice == null ? null : switch (notice) {
			case "promise-saved", "instalments-saved", "cadence-saved", "invalid", "settled" -> notice;
			default -> null;
		});
		return "console/receivables";
	}

	@PostMapping("/console/receivables/promise")
	String promise(@RequestParam String invoiceId, @RequestParam(defaultValue = "") String payBy,
			@RequestParam(defaultValue = "") String note) {
		return outcome(() -> receivables.promise(invoiceId, payBy.strip(), note.strip()), "promise-saved");
	}

	/** The plan typed one instalment a line, {@code 2026-12-20 5000.00}. */
	@PostMapping("/console/receivables/instalments")
	String instalments(@RequestParam String invoiceId, @RequestParam(defaultValue = "") String plan,
			@RequestParam(defaultValue = "") String note) {
		List<Instalment> parts = new ArrayList<>();
		for (String line : plan.split("\\R")) {
			String[] words = line.strip().split("\\s+");
			if (words.length == 2) {
				parts.add(Instalment.newBuilder().setDueDate(words[0]).setAmount(words[1].replace(",", "")).build());
			}
			else if (!line.isBlank()) {
				parts.add(Instalment.newBuilder().setDueDate(line.strip()).build());
			}
		}
		return outcome(() -> receivables.instalments(invoiceId, parts, note.strip()), "instalments-saved");
	}

	@PostMapping("/console/receivables/cadence")
	@PreAuthorize("hasAnyRole('manager', 'admin')")
	String cadence(@RequestParam(defaultValue = "") String offsets) {
		List<Integer> days = new ArrayList<>();
		for (String word : offsets.split("[,，\\s]+")) {
			if (word.isBlank()) {
				continue;
			}
			try {
				days.add(Integer.parseInt(word.strip().replace('−', '-')));
			}
			catch (NumberFormatException ex) {
				return redirect("invalid");
			}
		}
		return outcome(() -> receivables.updateCadence(days), "cadence-saved");
	}

	private static String outcome(Runnable action, String done) {
		try {
			action.run();
			return redirect(done);
		}
		catch (UnprocessableException ex) {
			return redirect("invalid");
		}
		catch (ConflictException ex) {
			return redirect("settled");
		}
	}

	private static String redirect(String notice) {
		return "redirect:" + UriComponentsBuilder.fromPath("/console/receivables").queryParam("notice", notice)
			.toUriString();
	}
}
