package com.rapport.gateway.error;

import com.rapport.gateway.tracing.RequestTrace;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.util.unit.DataSize;

import reactor.netty.NettyPipeline;

@Configuration(proxyBeanMethods = false)
class ErrorConfiguration {

	private static final Logger log = LoggerFactory.getLogger(ErrorConfiguration.class);

	/** Before Boot's own handler (order -1), which then is not made at all. */
	@Bean
	@Order(-2)
	ErrorWebExceptionHandler gatewayErrorHandler() {
		return new GatewayErrorHandler();
	}

	/**
	 * Spring Security's firewall refuses encoded slashes, dot segments, {@code ;} and control characters in
	 * addresses and headers, and methods such as TRACE; it says so with the same answers as every other malformed
	 * request (400, or 405 for the method).
	 */
	@Bean
	ServerExchangeRejectedHandler problemExchangeRejectedHandler() {
		return (exchange, ex) -> {
			RequestTrace.log(exchange, () -> log.debug("Refused a malformed request: {}", ex.getMessage()));
			return ErrorResponses.write(exchange, RequestHygieneFilter.isKnownMethod(exchange.getRequest().getMethod().name())
					? HttpStatus.BAD_REQUEST : HttpStatus.METHOD_NOT_ALLOWED);
		};
	}

	@Bean
	RequestHygieneFilter requestHygieneFilter(
			@Value("${rapport.limits.max-request-body:10MB}") DataSize maxRequestBody) {
		return new RequestHygieneFilter(maxRequestBody.toBytes());
	}

	/** Puts the {@link MalformedRequestGuard} right after Netty's HTTP decoder on every connection. */
	@Bean
	NettyServerCustomizer malformedRequestGuard() {
		return server -> server.doOnChannelInit((observer, channel, address) -> {
			if (channel.pipeline().get(NettyPipeline.HttpCodec) != null
					&& channel.pipeline().get(MalformedRequestGuard.NAME) == null) {
				channel.pipeline().addAfter(NettyPipeline.HttpCodec, MalformedRequestGuard.NAME,
						new MalformedRequestGuard());
			}
		});
	}
}
