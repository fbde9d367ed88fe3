package com.rapport.ticket.ticket;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Instant;

import com.rapport.support.test.MutableClock;
import com.rapport.support.test.TestTokens;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;

/**
 * The whole service on the embedded store with test tokens and a clock the test moves ({@link #NOW} at the
 * start), served in process ({@value #SERVER}) and through MockMvc: one context for the workflow's tests.
 * customer-service is stood in for by the test's {@code @MockitoBean CustomerDirectory}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(properties = { "rapport.mongodb.embedded.in-memory=true", "spring.grpc.server.port=0",
		"spring.grpc.server.inprocess.name=" + TicketDeskTest.SERVER, "rapport.tickets.auto-close.enabled=false" })
@AutoConfigureMockMvc
@Import({ TestTokens.DecoderConfiguration.class, TicketDeskTest.Clocks.class })
public @interface TicketDeskTest {

	String SERVER = "ticket-desk-test";

	Instant NOW = Instant.parse("2026-11-30T10:00:00Z");

	@TestConfiguration(proxyBeanMethods = false)
	class Clocks {

		@Bean
		@Primary
		MutableClock testClock() {
			return new MutableClock(NOW);
		}
	}
}
