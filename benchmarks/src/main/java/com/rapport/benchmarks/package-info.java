/** The benchmark harness's entry point: picks a scenario by name and runs it against a running platform. */
package com.rapport.benchmarks;
