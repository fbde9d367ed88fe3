package com.rapport.customer.growth;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One organisation's growth figures as last computed (collection {@code customer_growth}, one document an
 * organisation, its id the organisation's). Kept apart from the organisation so that the recompute never races a
 * profile edit.
 */
@Document("customer_growth")
public record CustomerGrowth(@Id String organisationId, LifetimeValue value) {
}
