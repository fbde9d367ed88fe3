/**
 * The orders scenario: one organisation's newest orders with a million orders in order-tracking-service's store,
 * which is seeded straight into the embedded store file (through the backend the service uses) while the service
 * is stopped, from real orders the service wrote.
 */
package com.rapport.benchmarks.orders;
