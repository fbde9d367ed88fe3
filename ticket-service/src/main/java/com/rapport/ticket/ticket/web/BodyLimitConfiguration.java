package com.rapport.ticket.ticket.web;

import com.rapport.support.web.BodySizeLimit;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

/**
 * Partner writes larger than {@code rapport.tickets.max-request-body} are refused with 413 before parsing: a
 * ticket's text is at most 20,000 characters, so a larger body is never a ticket.
 */
@Configuration(proxyBeanMethods = false)
class BodyLimitConfiguration {

	@Bean
	BodySizeLimit ticketsBodySizeLimit(@Value("${rapport.tickets.max-request-body:256KB}") DataSize limit,
			MessageSource messages, JsonMapper json) {
		return new BodySizeLimit("/api/tickets/", limit, messages, json);
	}
}
