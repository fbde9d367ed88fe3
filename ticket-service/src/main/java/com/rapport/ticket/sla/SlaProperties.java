package com.rapport.ticket.sla;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code rapport.sla.*}: the targets per tier, the share of a target left below which a ticket is at risk, and
 * the tier assumed when customer-service cannot say and no tier is known from before.
 *
 * @param atRiskPercent whole percent of a running target's length, 1 to 99 (default 25)
 * @param defaultTier   default {@code normal}
 */
@ConfigurationProperties("rapport.sla")
public record SlaProperties(Targets vip, Targets key, Targets normal, Integer atRiskPercent, Tier defaultTier) {

	public SlaProperties {
		vip = Targets.orDefault(vip, Duration.ofHours(1), Duration.ofHours(8));
		key = Targets.orDefault(key, Duration.ofHours(4), Duration.ofHours(24));
		normal = Targets.orDefault(normal, Duration.ofHours(8), Duration.ofHours(72));
		atRiskPercent = atRiskPercent == null ? 25 : atRiskPercent;
		if (atRiskPercent < 1 || atRiskPercent > 99) {
			throw new IllegalArgumentException("rapport.sla.at-risk-percent must lie between 1 and 99");
		}
		defaultTier = defaultTier == null ? Tier.NORMAL : defaultTier;
		// Fails start-up on a target that cannot be a promise (zero, negative, resolution before response).
		new SlaPolicy(Tier.VIP, vip.firstResponse(), vip.resolution());
		new SlaPolicy(Tier.KEY, key.firstResponse(), key.resolution());
		new SlaPolicy(Tier.NORMAL, normal.firstResponse(), normal.resolution());
	}

	/** The defaults: VIP 1 h / 8 h, key 4 h / 24 h, normal 8 h / 72 h, at risk under 25 %, normal assumed. */
	public static SlaProperties defaults() {
		return new SlaProperties(null, null, null, null, null);
	}

	/** The policy of a tier. */
	public SlaPolicy policyFor(Tier tier) {
		Targets targets = switch (tier) {
			case VIP -> vip;
			case KEY -> key;
			case NORMAL -> normal;
		};
		return new SlaPolicy(tier, targets.firstResponse(), targets.resolution());
	}

	/** A tier's targets; a missing one takes its default. */
	public record Targets(Duration firstResponse, Duration resolution) {

		static Targets orDefault(Targets targets, Duration firstResponse, Duration resolution) {
			if (targets == null) {
				return new Targets(firstResponse, resolution);
			}
			return new Targets(targets.firstResponse == null ? firstResponse : targets.firstResponse,
					targets.resolution == null ? resolution : targets.resolution);
		}
	}
}
