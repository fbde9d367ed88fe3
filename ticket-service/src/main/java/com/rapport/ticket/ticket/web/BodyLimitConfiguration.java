package com.rapport.ticket.ticket.web;

import com.rapport.support.web.BodySizeLimit;
import com.rapport.ticket.attachment.AttachmentProperties;
import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

/**
 * Partner writes larger than {@code rapport.tickets.max-request-body} are refused with 413 before parsing: a
 * ticket's text is at most 20,000 characters, so a larger body is never a ticket. A file sent to a ticket
 * ({@code POST .../attachments}) travels in base64 (a third larger), so that route takes the largest file
 * ({@code rapport.tickets.attachments.max-size}) in base64 and the other limit's room for its words.
 */
@Configuration(proxyBeanMethods = false)
class BodyLimitConfiguration {

	@Bean
	BodySizeLimit ticketsBodySizeLimit(@Value("${rapport.tickets.max-request-body:256KB}") DataSize limit,
			MessageSource messages, JsonMapper json) {
		return new BodySizeLimit("/api/tickets/", limit, messages, json) {

			@Override
			protected boolean shouldNotFilter(HttpServletRequest request) {
				return super.shouldNotFilter(request) || isUpload(request);
			}
		};
	}

	@Bean
	BodySizeLimit ticketAttachmentsBodySizeLimit(@Value("${rapport.tickets.max-request-body:256KB}") DataSize limit,
			AttachmentProperties attachments, MessageSource messages, JsonMapper json) {
		long base64 = (attachments.maxSize().toBytes() + 2) / 3 * 4;
		return new BodySizeLimit("/api/tickets/", DataSize.ofBytes(base64 + limit.toBytes()), messages, json) {

			@Override
			protected boolean shouldNotFilter(HttpServletRequest request) {
				return super.shouldNotFilter(request) || !isUpload(request);
			}
		};
	}

	/** {@code /api/tickets/v1/tickets/{id}/attachments}. */
	static boolean isUpload(HttpServletRequest request) {
		String path = request.getRequestURI();
		return path.startsWith("/api/tickets/v1/tickets/") && path.endsWith("/attachments");
	}
}
