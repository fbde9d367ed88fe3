package com.rapport.ticket.sla;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code rapport.sla.*} as an operator writes it; what is not set keeps its default. */
class SlaPropertiesBindingTests {

	@Test
	void targetsAtRiskShareAndDefaultTierBindFromConfiguration() {
		var source = new MapConfigurationPropertySource(Map.of("rapport.sla.key.first-response", "2h",
				"rapport.sla.at-risk-percent", "10", "rapport.sla.default-tier", "key"));

		SlaProperties sla = new Binder(source).bindOrCreate("rapport.sla", SlaProperties.class);

		assertThat(sla.policyFor(Tier.KEY).firstResponse()).isEqualTo(Duration.ofHours(2));
		assertThat(sla.policyFor(Tier.KEY).resolution()).isEqualTo(Duration.ofHours(24));
		assertThat(sla.policyFor(Tier.VIP).firstResponse()).isEqualTo(Duration.ofHours(1));
		assertThat(sla.atRiskPercent()).isEqualTo(10);
		assertThat(sla.defaultTier()).isEqualTo(Tier.KEY);
	}
}
