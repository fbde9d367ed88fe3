/**
 * The writes scenario: the durable write rate of each service that takes partner writes, at several
 * concurrencies, straight to the service.
 */
package com.rapport.benchmarks.writes;
