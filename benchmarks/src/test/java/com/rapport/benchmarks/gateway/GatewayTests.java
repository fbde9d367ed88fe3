package com.rapport.benchmarks.gateway;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.rapport.benchmarks.harness.Recording;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class GatewayTests {

	@Test
	void theRatioTableTakesTheMedianP50AndTheMeanRateOfTheRounds() {
		Map<String, Map<String, List<Recording.Summary>>> results = new LinkedHashMap<>();
		Map<String, List<Recording.Summary>> ways = new LinkedHashMap<>();
		ways.put("direct", List.of(summary(4.0, 800.0), summary(5.0, 900.0), summary(9.0, 1000.0)));
		ways.put("gateway", List.of(summary(6.0, 700.0), summary(6.5, 600.0), summary(30.0, 500.0)));
		results.put("order-read throughput", ways);

		Map<String, Object> row = Gateway.ratios(results).get(0);

		assertThat(row.get("directP50Ms")).isEqualTo(5.0);
		assertThat(row.get("gatewayP50Ms")).isEqualTo(6.5);
		assertThat(row.get("p50AddedMs")).isEqualTo(1.5);
		assertThat(row.get("directPerSecond")).isEqualTo(900.0);
		assertThat(row.get("gatewayPerSecond")).isEqualTo(600.0);
		assertThat(row.get("throughputKeptPercent")).isEqualTo(66.7);
	}

	@Test
	void aWayWithoutSuccessfulCallsHasNoFigureRatherThanZero() {
		Map<String, Map<String, List<Recording.Summary>>> results = Map.of("trivial latency",
				Map.of("direct", List.of(summary(2.0, 500.0)), "gateway", List.of(summary(null, null))));

		Map<String, Object> row = Gateway.ratios(results).get(0);

		assertThat(row.get("gatewayP50Ms")).isNull();
		assertThat(row.get("p50AddedMs")).isNull();
		assertThat(row.get("throughputKeptPercent")).isNull();
		assertThat(Gateway.median(Arrays.asList(3.0, null, 1.0, 2.0))).isEqualTo(2.0);
		assertThat(Gateway.median(List.of(1.0, 2.0))).isEqualTo(1.5);
	}

	@Test
	void theProxyThatDoesNothingIsSetBesideTheGatewayAndEveryWayGoesFirstInTurn() {
		Map<String, List<Recording.Summary>> ways = new LinkedHashMap<>();
		ways.put("direct", List.of(summary(4.0, 1000.0)));
		ways.put("gateway", List.of(summary(7.0, 500.0)));
		ways.put("bare", List.of(summary(4.5, 720.0)));

		Map<String, Object> row = Gateway.ratios(Map.of("order-read throughput", ways)).get(0);

		assertThat(row.get("throughputKeptPercent")).isEqualTo(50.0);
		assertThat(row.get("bareP50AddedMs")).isEqualTo(0.5);
		assertThat(row.get("bareKeptPercent")).isEqualTo(72.0);
		assertThat((String) row.get("says")).endsWith("a proxy doing nothing: +0.5 ms, 72.0 % kept");
		assertThat(Gateway.rotated(List.of("direct", "gateway", "bare"), 1)).containsExactly("gateway", "bare", "direct");
		assertThat(Gateway.rotated(List.of("direct", "gateway", "bare"), 3)).containsExactly("direct", "gateway", "bare");
		assertThat(Gateway.rotated(List.of("direct", "gateway"), 1)).containsExactly("gateway", "direct");
	}

	private static Recording.Summary summary(Double p50, Double perSecond) {
		return new Recording.Summary("x", 100, 0, Map.of(), p50, p50, p50, p50, perSecond, List.of());
	}
}
