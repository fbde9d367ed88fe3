/** The gateway's own cost: the same partner requests straight to a service and through the gateway, side by side. */
package com.rapport.benchmarks.gateway;
