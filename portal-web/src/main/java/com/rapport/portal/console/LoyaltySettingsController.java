package com.rapport.portal.console;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import com.rapport.contracts.customer.v1.LoyaltyRules;
import com.rapport.contracts.customer.v1.Reward;
import com.rapport.contracts.customer.v1.RewardKind;
import com.rapport.portal.remote.LoyaltyClient;
import com.rapport.support.error.ConflictException;
import com.rapport.support.error.Message;
import com.rapport.support.error.NotFoundException;
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
 * The loyalty programme's settings for managers: the earning and expiry rules, and the reward catalogue (each
 * reward's form). customer-service checks every field and names each bad one; a form comes back with what was
 * typed; a save over an old version says someone saved meanwhile.
 */
@Controller
@PreAuthorize("hasAnyRole('manager', 'admin')")
class LoyaltySettingsController {

	/** The rules' fields, in the form's order; the names customer-service uses for its field errors. */
	static final List<String> RULE_FIELDS = List.of("pointsPerUnit", "vipMultiplier", "keyMultiplier",
			"normalMultiplier", "expiryMonths", "referralBonus");

	/** The reward form's fields, in its order. */
	static final List<String> REWARD_FIELDS = List.of("nameEn", "nameZh", "descriptionEn", "descriptionZh",
			"pointsCost", "stock", "limitPerOrganisation");

	static final List<String> KINDS = List.of("CREDIT_NOTE", "FREE_SHIPPING", "TRAINING", "PRIORITY_SUPPORT");

	private final LoyaltyClient loyalty;

	private final Texts texts;

	LoyaltySettingsController(LoyaltyClient loyalty, Texts texts) {
		this.loyalty = loyalty;
		this.texts = texts;
	}

	@GetMapping("/console/loyalty")
	String show(@RequestParam(required = false) String notice, Model model) {
		LoyaltyRules rules = loyalty.rules();
		model.addAttribute("notice", "rules-saved".equals(notice) || "reward-saved".equals(notice) ? notice : null);
		return page(model, rules, values(rules), rules.getVersion(), Map.of());
	}

	@PostMapping("/console/loyalty/rules")
	String saveRules(@RequestParam Map<String, String> form, @RequestParam(defaultValue = "0") long version,
			Model model, HttpServletResponse response) {
		Map<String, String> typed = typed(form, RULE_FIELDS);
		Map<String, String> errors = new LinkedHashMap<>();
		int months = whole(typed, "expiryMonths", errors);
		int referralBonus = whole(typed, "referralBonus", errors);
		if (errors.isEmpty()) {
			try {
				loyalty.updateRules(LoyaltyRules.newBuilder().setPointsPerUnit(typed.get("pointsPerUnit"))
					.setVipMultiplier(typed.get("vipMultiplier")).setKeyMultiplier(typed.get("keyMultiplier"))
					.setNormalMultiplier(typed.get("normalMultiplier")).setExpiryMonths(months)
					.setReferralBonus(referralBonus).setVersion(version)
					.build());
				return "redirect:/console/loyalty?notice=rules-saved";
			}
			catch (ConflictException ex) {
				errors.put("form", texts.reason(ex, ex.reason(), LocaleContextHolder.getLocale()));
				response.setStatus(409);
				return page(model, loyalty.rules(), typed, version, errors);
			}
			catch (UnprocessableException ex) {
				errors.putAll(texts.fields(ex, LocaleContextHolder.getLocale()));
			}
		}
		response.setStatus(422);
		return page(model, loyalty.rules(), typed, version, errors);
	}

	private String page(Model model, LoyaltyRules rules, Map<String, String> values, long version,
			Map<String, String> errors) {
		model.addAttribute("rules", rules);
		model.addAttribute("fields", RULE_FIELDS);
		model.addAttribute("values", values);
		model.addAttribute("version", version);
		model.addAttribute("errors", errors);
		model.addAttribute("rewards", loyalty.rewards(null));
		return "console/loyalty";
	}

	@GetMapping("/console/loyalty/rewards/new")
	String newReward(Model model) {
		Map<String, String> values = new LinkedHashMap<>();
		REWARD_FIELDS.forEach(f -> values.put(f, ""));
		values.put("limitPerOrganisation", "0");
		return rewardForm(model, "", 0, "FREE_SHIPPING", true, values, Map.of());
	}

	@GetMapping("/console/loyalty/rewards/{id}")
	String editReward(@PathVariable String id, Model model) {
		Reward reward = loyalty.rewards(null).stream().filter(r -> r.getId().equals(id)).findFirst()
			.orElseThrow(() -> new NotFoundException(Message.of("loyalty.reward.not-found", id)));
		Map<String, String> values = new LinkedHashMap<>();
		values.put("nameEn", reward.getNameEn());
		values.put("nameZh", reward.getNameZh());
		values.put("descriptionEn", reward.getDescriptionEn());
		values.put("descriptionZh", reward.getDescriptionZh());
		values.put("pointsCost", Long.toString(reward.getPointsCost()));
		values.put("stock", reward.getHasStock() ? Long.toString(reward.getStock()) : "");
		values.put("limitPerOrganisation", Integer.toString(reward.getLimitPerOrganisation()));
		return rewardForm(model, reward.getId(), reward.getVersion(), reward.getKind().name().substring(12),
				reward.getActive(), values, Map.of());
	}

	@PostMapping("/console/loyalty/rewards")
	String saveReward(@RequestParam Map<String, String> form, @RequestParam(defaultValue = "") String id,
			@RequestParam(defaultValue = "0") long version, @RequestParam(defaultValue = "") String kind,
			@RequestParam(defaultValue = "false") boolean active, Model model, HttpServletResponse response) {
		Map<String, String> typed = typed(form, REWARD_FIELDS);
		Map<String, String> errors = new LinkedHashMap<>();
		Reward.Builder reward = Reward.newBuilder().setId(id).setVersion(version).setActive(active)
			.setNameEn(typed.get("nameEn")).setNameZh(typed.get("nameZh")).setDescriptionEn(typed.get("descriptionEn"))
			.setDescriptionZh(typed.get("descriptionZh"))
			.setKind(KINDS.contains(kind) ? RewardKind.valueOf("REWARD_KIND_" + kind) : RewardKind.REWARD_KIND_UNSPECIFIED)
			.setPointsCost(whole(typed, "pointsCost", errors))
			.setLimitPerOrganisation(whole(typed, "limitPerOrganisation", errors));
		if (!typed.get("stock").isEmpty()) {
			reward.setHasStock(true).setStock(whole(typed, "stock", errors));
		}
		if (errors.isEmpty()) {
			try {
				loyalty.saveReward(reward.build());
				return "redirect:/console/loyalty?notice=reward-saved";
			}
			catch (ConflictException ex) {
				errors.put("form", texts.reason(ex, ex.reason(), LocaleContextHolder.getLocale()));
				response.setStatus(409);
				return rewardForm(model, id, version, kind, active, typed, errors);
			}
			catch (UnprocessableException ex) {
				errors.putAll(texts.fields(ex, LocaleContextHolder.getLocale()));
			}
		}
		response.setStatus(422);
		return rewardForm(model, id, version, kind, active, typed, errors);
	}

	private static String rewardForm(Model model, String id, long version, String kind, boolean active,
			Map<String, String> values, Map<String, String> errors) {
		model.addAttribute("id", id);
		model.addAttribute("version", version);
		model.addAttribute("kind", kind);
		model.addAttribute("kinds", KINDS);
		model.addAttribute("active", active);
		model.addAttribute("fields", REWARD_FIELDS);
		model.addAttribute("values", values);
		model.addAttribute("errors", errors);
		return "console/loyalty-reward";
	}

	private static Map<String, String> typed(Map<String, String> form, List<String> fields) {
		Map<String, String> typed = new LinkedHashMap<>();
		fields.forEach(field -> typed.put(field, form.getOrDefault(field, "").strip()));
		return typed;
	}

	/** A count typed into the form; what is not a whole number is named here, the ranges by customer-service. */
	private int whole(Map<String, String> typed, String field, Map<String, String> errors) {
		return FormNumbers.whole(texts, typed, field, errors);
	}

	private static Map<String, String> values(LoyaltyRules rules) {
		Map<String, String> values = new LinkedHashMap<>();
		values.put("pointsPerUnit", rules.getPointsPerUnit());
		values.put("vipMultiplier", rules.getVipMultiplier());
		values.put("keyMultiplier", rules.getKeyMultiplier());
		values.put("normalMultiplier", rules.getNormalMultiplier());
		values.put("expiryMonths", Integer.toString(rules.getExpiryMonths()));
		values.put("referralBonus", Long.toString(rules.getReferralBonus()));
		return values;
	}
}
