package com.rapport.feedback.template;

import java.time.Instant;
import java.util.Map;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The managers' wording of each survey's question: {@code texts} by {@link TemplateKey#id()} ({@code CSAT_en},
 * {@code NPS_zh-CN}); a key without a text asks in the default wording. One document ({@value #ID});
 * {@code version} 0 is the defaults, never stored; each save adds one.
 */
@Document("survey_templates")
public record SurveyTemplates(@Id String id, Map<String, String> texts, long version, String updatedBy,
		Instant updatedAt) {

	static final String ID = "templates";

	static final SurveyTemplates DEFAULTS = new SurveyTemplates(ID, Map.of(), 0, null, null);

	public SurveyTemplates {
		texts = texts == null ? Map.of() : Map.copyOf(texts);
	}

	/** The managers' text for {@code key}, or null when the default wording is in force. */
	public String custom(TemplateKey key) {
		return texts.get(key.id());
	}
}
