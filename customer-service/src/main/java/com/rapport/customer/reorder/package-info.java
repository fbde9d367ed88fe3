/**
 * Reorders as the customer's contacts live them (issue 16): a reminder mail to each contact who opted in when a
 * regular buyer's reorder becomes due, with a signed one-click link, and "reorder as last time", which leaves a
 * draft order in order-tracking-service for the supplier's system to confirm.
 */
package com.rapport.customer.reorder;
