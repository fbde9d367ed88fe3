/** Organisations, contacts, tiers, lifecycle and the interaction timeline: the single customer view. */
package com.rapport.customer;
