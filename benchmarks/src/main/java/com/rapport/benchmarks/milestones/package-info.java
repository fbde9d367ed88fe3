/** Scenario {@code milestones}: partner milestone writes through the gateway, and the time until their mail. */
package com.rapport.benchmarks.milestones;
