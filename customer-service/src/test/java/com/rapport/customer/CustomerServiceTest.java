package com.rapport.customer;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import com.rapport.customer.identity.InMemoryKeycloakAdmin;
import com.rapport.support.test.TestTokens;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;

/**
 * The whole service over the embedded store (in memory), its gRPC services on the in-process server {@link #SERVER},
 * MockMvc for its REST side, test tokens and Keycloak's admin API in memory. Every class with this configuration
 * shares one Spring context (the test context cache hits), so each class cleans what it reads in its own
 * {@code @BeforeEach} and uses ids of its own.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(properties = { "rapport.mongodb.embedded.in-memory=true", "spring.grpc.server.port=0",
		"spring.grpc.server.inprocess.name=" + CustomerServiceTest.SERVER })
@AutoConfigureMockMvc
@Import({ TestTokens.DecoderConfiguration.class, InMemoryKeycloakAdmin.Configuration.class })
public @interface CustomerServiceTest {

	/** The in-process gRPC server's name: {@code InProcessChannelBuilder.forName(CustomerServiceTest.SERVER)}. */
	String SERVER = "customer-service-test";

}
