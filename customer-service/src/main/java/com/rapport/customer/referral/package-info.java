/**
 * Referrals (issue 16): a customer's contact invites another company; once that company is an organisation and its
 * first order is delivered, the inviting organisation earns the referral bonus on its loyalty ledger, once.
 */
package com.rapport.customer.referral;
