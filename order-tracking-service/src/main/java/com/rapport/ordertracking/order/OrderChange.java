package com.rapport.ordertracking.order;

import java.time.LocalDate;
import java.util.List;

/**
 * What a partner changes of an order; a null field is left as it is. A new promised date needs its reason.
 */
public record OrderChange(LocalDate eta, LocalDate promisedDate, String promisedDateReason, List<OrderLine> lines) {
}
