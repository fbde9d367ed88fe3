/**
 * The {@code feedback} scenario (issue 10): answers recorded per second through the gateway's partner API, and the
 * console's KPI dashboard with a million answers, seeded offline into feedback-service's store with the monthly
 * roll-ups the service would have kept for them.
 */
package com.rapport.benchmarks.feedback;
