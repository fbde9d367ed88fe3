package com.rapport.ordertracking.draft;

/** A draft waits for the supplier's confirmation; a confirmed one is a placed order. */
public enum DraftStatus {
	DRAFT, CONFIRMED
}
