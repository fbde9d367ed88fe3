/** The customer-360 scenario: seeds organisations with contacts, then times the console's search and 360 page. */
package com.rapport.benchmarks.customer360;
