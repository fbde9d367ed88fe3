package com.rapport.customer.organisation;

/** The result of an upsert by a partner's external id: the record, and whether this call created it. */
public record Upsert<T>(T value, boolean created) {
}
