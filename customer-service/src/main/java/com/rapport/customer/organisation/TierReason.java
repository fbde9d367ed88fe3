package com.rapport.customer.organisation;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * Why the computed tier is what it is: the RFM figures it was decided from, the rule that decided and the
 * same as text for people ("ordered 3 days ago, 14 orders in 12 months, CNY 1,234,000: VIP").
 *
 * @param tier         the computed tier (an active override may show another)
 * @param rule         the rule that decided, such as {@code VIP_MONETARY} or {@code NORMAL}
 * @param recencyDays  whole days since the latest order, {@code null} without any order
 * @param frequency    orders within the window
 * @param monetary     their sum in {@code currency}, the base currency
 * @param windowDays   the window the figures cover
 * @param text         the reason as one English sentence
 * @param computedAt   when it was computed
 */
public record TierReason(Tier tier, String rule, Integer recencyDays, int frequency, BigDecimal monetary,
		String currency, int windowDays, String text, Instant computedAt) {
}
