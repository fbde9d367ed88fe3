package com.rapport.portal.console;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import com.rapport.contracts.customer.v1.TieringPolicy;
import com.rapport.portal.remote.TieringPolicyClient;
import com.rapport.support.error.ConflictException;
import com.rapport.support.error.UnprocessableException;
import com.rapport.support.message.Texts;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The tiering and lifecycle rules: every member of staff sees them (they explain each organisation's tier),
 * managers and admins change them. customer-service checks every threshold and names each bad one; the form
 * comes back with what was typed. After a save every organisation is recomputed in the background, and the
 * page says whether that is done.
 */
@Controller
@PreAuthorize("hasAnyRole('agent', 'manager', 'admin')")
class TieringPolicyController {

	/** The thresholds of the form, in its order; the names customer-service uses for its field errors. */
	static final List<String> FIELDS = List.of("windowDays", "vipMonetary", "vipFrequency", "vipRecencyDays",
			"keyMonetary", "keyFrequency", "loyalOrders", "dormantAfterDays", "churnedAfterDays");

	private final TieringPolicyClient policies;

	private final Texts texts;

	TieringPolicyController(TieringPolicyClient policies, Texts texts) {
		this.policies = policies;
		this.texts = texts;
	}

	@GetMapping("/console/tiering")
	String show(@RequestParam(required = false) String notice, Model model) {
		TieringPolicy policy = policies.policy();
		model.addAttribute("notice", "saved".equals(notice) ? notice : null);
		return page(model, policy, values(policy), policy.getVersion(), Map.of());
	}

	@PostMapping("/console/tiering")
	@PreAuthorize("hasAnyRole('manager', 'admin')")
	String save(@RequestParam Map<String, String> form, @RequestParam(defaultValue = "0") long version, Model model,
			HttpServletResponse response) {
		Map<String, String> typed = new LinkedHashMap<>();
		FIELDS.forEach(field -> typed.put(field, form.getOrDefault(field, "").strip()));
		Map<String, String> errors = new LinkedHashMap<>();
		TieringPolicy.Builder rules = TieringPolicy.newBuilder().setVipMonetary(typed.get("vipMonetary"))
			.setKeyMonetary(typed.get("keyMonetary"));
		rules.setWindowDays(whole(typed, "windowDays", errors)).setVipFrequency(whole(typed, "vipFrequency", errors))
			.setVipRecencyDays(whole(typed, "vipRecencyDays", errors))
			.setKeyFrequency(whole(typed, "keyFrequency", errors)).setLoyalOrders(whole(typed, "loyalOrders", errors))
			.setDormantAfterDays(whole(typed, "dormantAfterDays", errors))
			.setChurnedAfterDays(whole(typed, "churnedAfterDays", errors));
		if (errors.isEmpty()) {
			try {
				policies.update(rules.build(), version);
				return "redirect:/console/tiering?notice=saved";
			}
			catch (ConflictException ex) {
				// Saved by someone else meanwhile: the form says so above the fields.
				errors.put("form", texts.reason(ex, ex.reason(), LocaleContextHolder.getLocale()));
				response.setStatus(409);
				return page(model, policies.policy(), typed, version, errors);
			}
			catch (UnprocessableException ex) {
				if (ex.fieldErrors().isEmpty()) {
					errors.put("request",
							String.valueOf(texts.reason(ex, ex.reason(), LocaleContextHolder.getLocale())));
				}
				else {
					errors.putAll(texts.fields(ex, LocaleContextHolder.getLocale()));
				}
			}
		}
		response.setStatus(422);
		return page(model, policies.policy(), typed, version, errors);
	}

	/** A count typed into the form; what is not a whole number is named here, the ranges by customer-service. */
	private int whole(Map<String, String> typed, String field, Map<String, String> errors) {
		return FormNumbers.whole(texts, typed, field, errors);
	}

	private static Map<String, String> values(TieringPolicy p) {
		Map<String, String> values = new LinkedHashMap<>();
		values.put("windowDays", Integer.toString(p.getWindowDays()));
		values.put("vipMonetary", p.getVipMonetary());
		values.put("vipFrequency", Integer.toString(p.getVipFrequency()));
		values.put("vipRecencyDays", Integer.toString(p.getVipRecencyDays()));
		values.put("keyMonetary", p.getKeyMonetary());
		values.put("keyFrequency", Integer.toString(p.getKeyFrequency()));
		values.put("loyalOrders", Integer.toString(p.getLoyalOrders()));
		values.put("dormantAfterDays", Integer.toString(p.getDormantAfterDays()));
		values.put("churnedAfterDays", Integer.toString(p.getChurnedAfterDays()));
		return values;
	}

	private static String page(Model model, TieringPolicy policy, Map<String, String> values, long version,
			Map<String, String> errors) {
		model.addAttribute("policy", policy);
		model.addAttribute("fields", FIELDS);
		model.addAttribute("values", values);
		model.addAttribute("version", version);
		model.addAttribute("errors", errors);
		model.addAttribute("recomputing", policy.getRecomputedVersion() < policy.getVersion());
		return "console/tiering";
	}
}
