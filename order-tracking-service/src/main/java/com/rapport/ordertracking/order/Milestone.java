package com.rapport.ordertracking.order;

import java.time.Instant;

/** One step an order reached, when, and what the partner said about it. */
public record Milestone(MilestoneCode code, Instant occurredAt, String note) {
}
