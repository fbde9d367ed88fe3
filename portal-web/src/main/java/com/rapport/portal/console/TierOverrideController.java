package com.rapport.portal.console;

import java.time.LocalDate;

import com.rapport.contracts.customer.v1.Tier;
import com.rapport.portal.remote.TieringPolicyClient;
import com.rapport.support.error.ConflictException;
import com.rapport.support.error.RemoteUnavailableException;
import com.rapport.support.error.UnprocessableException;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A manager overrides an organisation's computed tier from its page, with a reason and an end date, or ends
 * the override; customer-service checks the rules, records it on the timeline and audits it.
 */
@Controller
@PreAuthorize("hasAnyRole('manager', 'admin')")
class TierOverrideController {

	private final TieringPolicyClient tiering;

	TierOverrideController(TieringPolicyClient tiering) {
		this.tiering = tiering;
	}

	@PostMapping("/console/organisations/{id}/tier-override")
	String set(@PathVariable String id, @RequestParam(defaultValue = "") String tier,
			@RequestParam(defaultValue = "") String reason, @RequestParam(defaultValue = "") String endDate) {
		Tier chosen = switch (tier) {
			case "TIER_VIP" -> Tier.TIER_VIP;
			case "TIER_KEY" -> Tier.TIER_KEY;
			case "TIER_NORMAL" -> Tier.TIER_NORMAL;
			default -> Tier.TIER_UNSPECIFIED;
		};
		return outcome(id, () -> tiering.setTierOverride(id, chosen, reason.strip(), endDate.strip()), "override-set");
	}

	@PostMapping("/console/organisations/{id}/tier-override/remove")
	String remove(@PathVariable String id) {
		return outcome(id, () -> tiering.removeTierOverride(id), "override-removed");
	}

	private static String outcome(String id, Runnable action, String done) {
		String notice;
		try {
			action.run();
			notice = done;
		}
		catch (UnprocessableException | ConflictException ex) {
			notice = "override-invalid";
		}
		catch (RemoteUnavailableException ex) {
			notice = "override-unavailable";
		}
		return OrganisationController.redirectWithNotice(id, notice, null);
	}

	/** Today in UTC, the earliest end date customer-service accepts (for the form's min). */
	static String today() {
		return LocalDate.now(java.time.ZoneOffset.UTC).toString();
	}
}
