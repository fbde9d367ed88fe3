package com.rapport.customer.growth;

import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One organisation's growth figures as last computed (collection {@code customer_growth}, one document an
 * organisation, its id the organisation's). Kept apart from the organisation so that the recompute never races a
 * profile edit. {@code atRisk} is indexed: the console lists the organisations at risk.
 *
 * @param risk   {@code null} before the first recompute
 * @param atRisk whether {@code risk} reached the threshold it was computed with
 * @param reorders the products it buys regularly, by expected date (empty when none or never read)
 */
@Document("customer_growth")
public record CustomerGrowth(@Id String organisationId, LifetimeValue value, ChurnRisk risk, @Indexed boolean atRisk,
		List<Reorder> reorders) {

	public CustomerGrowth {
		reorders = reorders == null ? List.of() : List.copyOf(reorders);
	}

	static CustomerGrowth of(String organisationId, LifetimeValue value, ChurnRisk risk, List<Reorder> reorders) {
		return new CustomerGrowth(organisationId, value, risk, risk != null && risk.atRisk(), reorders);
	}
}
