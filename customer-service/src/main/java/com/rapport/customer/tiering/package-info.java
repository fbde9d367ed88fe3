/**
 * Tiered care from data: RFM over the organisation's placed orders, the tier (VIP / key / normal) with its
 * reasons and a manager's override, and the lifecycle stage, recomputed on each order and nightly.
 */
package com.rapport.customer.tiering;
