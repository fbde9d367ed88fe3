package com.rapport.ticket.kb;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One visitor's "was this helpful" on one article ({@code kb_votes}, id {@code <article>:<visitor>}): inserted
 * once, so a second vote of the same visitor fails on the id and counts nothing.
 */
@Document("kb_votes")
record KbVote(@Id String id, String articleId, boolean helpful, Instant at) {
}
