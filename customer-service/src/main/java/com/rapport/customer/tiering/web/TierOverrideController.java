package com.rapport.customer.tiering.web;

import com.rapport.customer.organisation.Organisation;
import com.rapport.customer.organisation.TierOverride;
import com.rapport.customer.tiering.TieringService;
import com.rapport.customer.tiering.TieringService.OverrideInput;
import com.rapport.support.security.Caller;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Managers (and admins) only: agents, customers, partners and services are refused before any look-up. */
@RestController
class TierOverrideController {

	static final String MANAGERS = "hasAnyRole('manager', 'admin')";

	private final TieringService tiering;

	TierOverrideController(TieringService tiering) {
		this.tiering = tiering;
	}

	/** Sets or replaces the override; answers the tier now in force with the override. */
	@PutMapping("/api/customers/v1/organisations/{id}/tier-override")
	@PreAuthorize(MANAGERS)
	TierView put(@PathVariable String id, @RequestBody OverrideRequest request) {
		return TierView.of(tiering.setOverride(Caller.current(), id,
				new OverrideInput(request.tier(), request.reason(), request.endDate())));
	}

	/** Ends the override (if any): the computed tier applies again. */
	@DeleteMapping("/api/customers/v1/organisations/{id}/tier-override")
	@PreAuthorize(MANAGERS)
	ResponseEntity<Void> delete(@PathVariable String id) {
		tiering.removeOverride(Caller.current(), id);
		return ResponseEntity.noContent().build();
	}

	/** Texts, so that a bad tier or date is a 422 naming the field, not a 400. */
	record OverrideRequest(String tier, String reason, String endDate) {
	}

	record TierView(String organisationId, String tier, String computedTier, TierOverride tierOverride) {

		static TierView of(Organisation o) {
			return new TierView(o.id(), o.tier().name(), o.tierReason() == null ? null : o.tierReason().tier().name(),
					o.tierOverride());
		}
	}
}
