package com.rapport.customer.tiering;

/** A manager saved new tiering rules: every organisation is due to be recomputed with them. */
public record TieringPolicyChanged(long version) {
}
