package com.rapport.gateway.routing;

import java.util.List;

import com.rapport.gateway.FakeKeycloak;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The portal's live stream is held open for minutes: its route must not put the circuit breaker's 30 s time limit
 * (nor a response time-out) on it, and must still relay the user's token and the host, like every portal page.
 */
@SpringBootTest(properties = "rapport.mongodb.embedded.in-memory=true")
class LiveRouteTests {

	static final FakeKeycloak KEYCLOAK = FakeKeycloak.start();

	@Autowired
	RouteLocator routes;

	@DynamicPropertySource
	static void services(DynamicPropertyRegistry registry) {
		registry.add("KEYCLOAK_ISSUER_URI", KEYCLOAK::issuer);
	}

	@AfterAll
	static void stop() {
		KEYCLOAK.stop();
	}

	@Test
	void theLiveStreamIsRoutedWithTheUsersTokenAndWithoutATimeLimit() {
		Route live = routeOf("/portal/live");

		assertThat(live.getId()).isEqualTo("portal-live");
		assertThat(live.getUri().getPort()).isEqualTo(8081);
		assertThat(filterNames(live)).anyMatch(name -> name.contains("TokenRelay"))
			.anyMatch(name -> name.contains("PreserveHostHeader"))
			.noneMatch(name -> name.contains("CircuitBreaker"));
		assertThat(live.getMetadata()).containsEntry("response-timeout", -1);
	}

	@Test
	void everyOtherPortalPageKeepsItsCircuitBreaker() {
		Route page = routeOf("/portal/orders/42");

		assertThat(page.getId()).isEqualTo("portal-web");
		assertThat(filterNames(page)).anyMatch(name -> name.contains("CircuitBreaker"));
	}

	private Route routeOf(String path) {
		MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get(path));
		return routes.getRoutes().concatMap(route -> Mono.from(route.getPredicate().apply(exchange))
			.flatMap(matches -> matches ? Mono.just(route) : Mono.<Route>empty()))
			.next().block();
	}

	private static List<String> filterNames(Route route) {
		return route.getFilters().stream().map(Object::toString).toList();
	}
}
