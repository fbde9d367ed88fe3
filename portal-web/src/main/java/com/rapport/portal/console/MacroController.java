package com.rapport.portal.console;

import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import com.rapport.contracts.ticket.v1.Macro;
import com.rapport.portal.remote.MacroClient;
import com.rapport.portal.web.TicketPages;
import com.rapport.support.error.Message;
import com.rapport.support.error.NotFoundException;
import com.rapport.support.error.UnprocessableException;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The macros in the console: staff read them (and insert one into a reply on a ticket's page), managers and admins
 * create, change and delete them. ticket-service checks every permission again, validates and audits.
 */
@Controller
@PreAuthorize("hasAnyRole('agent', 'manager', 'admin')")
class MacroController {

	private final MacroClient macros;

	private final TicketPages pages;

	MacroController(MacroClient macros, TicketPages pages) {
		this.macros = macros;
		this.pages = pages;
	}

	@GetMapping("/console/macros")
	String list(@RequestParam(required = false) String notice, Model model) {
		model.addAttribute("macros", macros.macros());
		model.addAttribute("notice", "saved".equals(notice) || "deleted".equals(notice) ? notice : null);
		return "console/macros";
	}

	@GetMapping("/console/macros/new")
	@PreAuthorize("hasAnyRole('manager', 'admin')")
	String newMacro(Model model) {
		return form(model, Macro.getDefaultInstance(), Map.of());
	}

	@GetMapping("/console/macros/{id}")
	@PreAuthorize("hasAnyRole('manager', 'admin')")
	String edit(@PathVariable String id, Model model) {
		Macro macro = macros.macros().stream().filter(m -> m.getId().equals(id)).findFirst()
			.orElseThrow(() -> new NotFoundException(Message.of("macro.not-found", id)));
		return form(model, macro, Map.of());
	}

	@PostMapping("/console/macros")
	@PreAuthorize("hasAnyRole('manager', 'admin')")
	String save(@RequestParam(defaultValue = "") String id, @RequestParam(defaultValue = "") String name,
			@RequestParam(defaultValue = "") String bodyEn, @RequestParam(defaultValue = "") String bodyZh, Model model,
			HttpServletResponse response) {
		Macro macro = Macro.newBuilder().setId(id.strip()).setName(name).setBodyEn(bodyEn).setBodyZh(bodyZh).build();
		try {
			macros.save(macro);
			return "redirect:/console/macros?notice=saved";
		}
		catch (UnprocessableException ex) {
			response.setStatus(422);
			return form(model, macro, pages.errors(ex));
		}
	}

	@PostMapping("/console/macros/{id}/delete")
	@PreAuthorize("hasAnyRole('manager', 'admin')")
	String delete(@PathVariable String id) {
		macros.delete(id);
		return "redirect:/console/macros?notice=deleted";
	}

	private static String form(Model model, Macro macro, Map<String, String> errors) {
		model.addAttribute("macro", macro);
		model.addAttribute("errors", errors);
		return "console/macro-form";
	}
}
