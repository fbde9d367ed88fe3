/**
 * Growing each customer (issue 16): each organisation's lifetime value — historical, from its delivered orders,
 * and projected by a simple documented model with its inputs kept beside the figure — recomputed on each
 * delivery and nightly (one replica at a time), and the same figures by tier, industry, region and
 * first-purchase year for managers.
 */
package com.rapport.customer.growth;
