/**
 * The growth scenario: customer-service's nightly growth recompute at 100,000 organisations, on a store built
 * offline from the demo's own documents (organisations, their placed and delivered orders on the timeline, the
 * orders with lines in order-tracking-service's store), cloned straight into both services' embedded store files.
 */
package com.rapport.benchmarks.growth;
