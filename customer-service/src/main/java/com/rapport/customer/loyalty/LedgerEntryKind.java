package com.rapport.customer.loyalty;

/** What moved points on an organisation's ledger. */
public enum LedgerEntryKind {
	/** A delivered order earned them (positive). */
	EARNED,
	/** A contact redeemed a reward (negative). */
	REDEEMED,
	/** Earned points reached their expiry unspent (negative). */
	EXPIRED,
	/** A delivered order was returned: what it earned is taken back (negative). */
	REVERSED,
	/** A partner or manager adjusted the balance (either sign). */
	ADJUSTED
}
