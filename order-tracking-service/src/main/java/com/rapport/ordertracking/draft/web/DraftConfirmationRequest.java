package com.rapport.ordertracking.draft.web;

import java.time.LocalDate;

import jakarta.validation.constraints.Size;

/**
 * The body of {@code POST /api/orders/v1/drafts/{draftNumber}/confirmation}, optional: the partner's own order
 * number for the placed order (else the draft's number) and the promised date.
 */
record DraftConfirmationRequest(@Size(max = 100) String orderNumber, LocalDate promisedDate) {
}
