/**
 * The loyalty programme (issue 16): points earned on delivered orders by the managers' rules, an idempotent ledger
 * of every movement (earned, redeemed, expired, reversed, adjusted) whose balance stays right under concurrency, a
 * reward catalogue managers maintain and contacts redeem from in the portal, and the expiry of old points.
 */
package com.rapport.customer.loyalty;
