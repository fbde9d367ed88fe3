/**
 * Each organisation's segment (tier, industry, region) as customer-service last said it, kept here so that an answer
 * is counted in its organisation's segment without a call per answer: refreshed by keyset pages of customer-service's
 * organisations and looked up on a miss.
 */
package com.rapport.feedback.segment;
