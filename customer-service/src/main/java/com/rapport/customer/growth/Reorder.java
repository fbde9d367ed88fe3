package com.rapport.customer.growth;

import java.time.LocalDate;

/**
 * A product an organisation buys regularly and when it is expected to order it again.
 *
 * @param usualIntervalDays the median days between its orders of this SKU
 * @param orders            on how many days it ordered it
 * @param due               whether {@code expectedOn} is at most the lead days away, or past
 */
public record Reorder(String sku, String description, LocalDate expectedOn, int usualIntervalDays, int orders,
		LocalDate lastOrderedOn, int lastQuantity, boolean due) {
}
