/**
 * What every scenario shares: the command line, HTTP with the platform's logins (a partner's client-credentials
 * token, an agent's browser session), timed requests with their percentiles, budgets and the report.
 */
package com.rapport.benchmarks.harness;
