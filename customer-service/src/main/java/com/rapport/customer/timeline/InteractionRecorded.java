package com.rapport.customer.timeline;

/**
 * Published, in the recording thread, once an interaction has been stored for the first time (never for a
 * repeat), so that features which derive state from the timeline (tiers) update within the same request.
 */
public record InteractionRecorded(Interaction interaction) {
}
