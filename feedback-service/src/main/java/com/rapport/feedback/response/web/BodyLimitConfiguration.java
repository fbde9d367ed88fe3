package com.rapport.feedback.response.web;

import com.rapport.support.web.BodySizeLimit;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

/**
 * Partner writes larger than {@code rapport.feedback.max-request-body} are refused with 413 before parsing: an
 * answer is a score and a comment of at most 2,000 characters.
 */
@Configuration(proxyBeanMethods = false)
class BodyLimitConfiguration {

	@Bean
	BodySizeLimit feedbackBodySizeLimit(@Value("${rapport.feedback.max-request-body:64KB}") DataSize limit,
			MessageSource messages, JsonMapper json) {
		return new BodySizeLimit("/api/feedback/", limit, messages, json);
	}
}
