package com.rapport.portal.portal;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import com.rapport.contracts.customer.v1.LoyaltyAccount;
import com.rapport.contracts.customer.v1.Reward;
import com.rapport.portal.remote.LoyaltyClient;
import com.rapport.support.error.ConflictException;
import com.rapport.support.error.Message;
import com.rapport.support.error.NotFoundException;
import com.rapport.support.security.Caller;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The organisation's loyalty points in the portal: the balance, what its tier earns and what every tier gets, the
 * rewards to redeem and the history. The organisation is the one in the user's token; the address takes no id.
 * A redemption carries a request id made when the page was shown, so a double submission redeems once.
 */
@Controller
@PreAuthorize("hasRole('customer')")
class LoyaltyController {

	private final LoyaltyClient loyalty;

	private final MessageSource messages;

	LoyaltyController(LoyaltyClient loyalty, MessageSource messages) {
		this.loyalty = loyalty;
		this.messages = messages;
	}

	private static String own() {
		return Caller.current().customerId()
			.orElseThrow(() -> new NotFoundException(Message.of("organisation.none-for-login")));
	}

	@GetMapping("/portal/loyalty")
	String page(@RequestParam(required = false) String redeemed, Model model) {
		String organisationId = own();
		LoyaltyAccount account = loyalty.account(organisationId);
		List<Reward> rewards = loyalty.rewards(organisationId);
		model.addAttribute("redeemed", redeemed == null ? null
				: rewards.stream().filter(r -> r.getId().equals(redeemed)).findFirst().orElse(null));
		return page(model, account, rewards);
	}

	private static String page(Model model, LoyaltyAccount account, List<Reward> rewards) {
		model.addAttribute("account", account);
		model.addAttribute("rewards", rewards);
		model.addAttribute("requestId", UUID.randomUUID().toString());
		return "portal/loyalty";
	}

	@PostMapping("/portal/loyalty/redeem")
	String redeem(@RequestParam String rewardId, @RequestParam String requestId, Model model, Locale locale,
			HttpServletResponse response) {
		String organisationId = own();
		try {
			loyalty.redeem(organisationId, rewardId, requestId);
			return "redirect:/portal/loyalty?redeemed=" + java.net.URLEncoder.encode(rewardId,
					java.nio.charset.StandardCharsets.UTF_8);
		}
		catch (ConflictException ex) {
			// Not enough points, out of stock, the limit reached: said on the page, nothing was redeemed.
			response.setStatus(409);
			model.addAttribute("refusal", ex.reason() != null ? messages.getMessage(ex.reason(), locale)
					: messages.getMessage("portal.loyalty.refused", null, locale));
		}
		catch (NotFoundException ex) {
			// A reward withdrawn meanwhile.
			response.setStatus(404);
			model.addAttribute("refusal", messages.getMessage("portal.loyalty.reward-gone", null, locale));
		}
		return page(model, loyalty.account(organisationId), loyalty.rewards(organisationId));
	}
}
