package com.rapport.ticket.macro;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A standard answer ({@code macros}): its name (unique) and its text in English and in Chinese, each of which may
 * hold the placeholders of {@link Macros#PLACEHOLDERS}; who stored it last, and when.
 */
@Document("macros")
public record Macro(@Id String id, @Indexed(name = "name", unique = true) String name, String bodyEn, String bodyZh,
		Instant updatedAt, String updatedBy) {
}
