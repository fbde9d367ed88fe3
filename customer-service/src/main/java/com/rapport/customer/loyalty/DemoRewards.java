package com.rapport.customer.loyalty;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.rapport.customer.timeline.InteractionKind;
import com.rapport.customer.timeline.TimelineService;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

/**
 * The demo's reward catalogue, loaded into an empty one; and the demo organisations' deliveries recorded before the
 * loyalty programme existed earn their points once (the entry ids make a repeat change nothing), so a demo store
 * from an earlier version shows Acme Retail's points too. Deliveries that arrive later earn as they are recorded.
 */
@Component
@ConditionalOnBooleanProperty("rapport.demo-data")
class DemoRewards implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoRewards.class);

	static final List<String> DEMO_ORGANISATIONS = List.of("acme-retail", "globex-trading", "initech-logistics",
			"stark-components", "wayne-hardware", "umbrella-supplies");

	private final RewardRepository rewards;

	private final LoyaltyService loyalty;

	private final TimelineService timeline;

	private final Clock clock;

	DemoRewards(RewardRepository rewards, LoyaltyService loyalty, TimelineService timeline, Clock clock) {
		this.rewards = rewards;
		this.loyalty = loyalty;
		this.timeline = timeline;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (rewards.count() == 0) {
			Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
			rewards.saveAll(catalogue(now));
			log.info("Loaded a demo reward catalogue of {} rewards into the empty store", catalogue(now).size());
		}
		for (String organisationId : DEMO_ORGANISATIONS) {
			timeline.ofKindSince(organisationId, InteractionKind.ORDER_DELIVERED, Instant.EPOCH).forEach(delivery -> {
				try {
					loyalty.earn(delivery);
				}
				catch (RuntimeException ex) {
					log.warn("Could not earn the points of demo delivery {}", delivery.eventId(), ex);
				}
			});
		}
	}

	static List<Reward> catalogue(Instant now) {
		return List.of(
				new Reward("free-shipping", RewardKind.FREE_SHIPPING, "Free shipping on the next order", "下一笔订单免运费",
						"We pay the freight of your next order, whatever its size.", "下一笔订单的运费由我们承担，不限订单大小。",
						500, null, 0, true, 1, now, now),
				new Reward("priority-support-quarter", RewardKind.PRIORITY_SUPPORT, "Priority support for a quarter",
						"一个季度的优先支持", "Your requests are answered first for three months.", "三个月内您的请求优先处理。",
						1500, null, 1, true, 1, now, now),
				new Reward("product-training", RewardKind.TRAINING, "On-site product training (half a day)",
						"现场产品培训（半天）", "A product specialist trains your team on site.", "产品专家到现场为您的团队培训。",
						3000, 5L, 2, true, 1, now, now),
				new Reward("credit-note-1000", RewardKind.CREDIT_NOTE, "Credit note of CNY 1,000", "1,000 元抵用券",
						"Deducted from your next invoice.", "从您的下一张发票中抵扣。", 5000, 20L, 0, true, 1, now, now));
	}
}
