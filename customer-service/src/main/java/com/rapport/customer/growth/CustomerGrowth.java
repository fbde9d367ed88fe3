package com.rapport.customer.growth;

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
 */
@Document("customer_growth")
public record CustomerGrowth(@Id String organisationId, LifetimeValue value, ChurnRisk risk, @Indexed boolean atRisk) {

	static CustomerGrowth of(String organisationId, LifetimeValue value, ChurnRisk risk) {
		return new CustomerGrowth(organisationId, value, risk, risk != null && risk.atRisk());
	}
}
