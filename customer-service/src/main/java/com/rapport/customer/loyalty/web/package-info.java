/** The partner API of the loyalty programme: an organisation's balance and ledger, and adjustments. */
package com.rapport.customer.loyalty.web;
