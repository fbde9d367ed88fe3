package com.rapport.ordertracking.order.web;

import com.rapport.support.web.BodySizeLimit;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

/** Partner writes larger than {@code rapport.orders.max-request-body} (1 MB) are refused with 413 before parsing. */
@Configuration(proxyBeanMethods = false)
class BodyLimitConfiguration {

	@Bean
	BodySizeLimit ordersBodySizeLimit(@Value("${rapport.orders.max-request-body:1MB}") DataSize limit,
			MessageSource messages, JsonMapper json) {
		return new BodySizeLimit("/api/orders/v1/", limit, messages, json);
	}
}
