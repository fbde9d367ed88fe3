/** The organisation's interaction timeline: what happened with a customer, as the services that saw it report it. */
package com.rapport.customer.timeline;
