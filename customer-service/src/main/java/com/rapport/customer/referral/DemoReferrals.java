package com.rapport.customer.referral;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.rapport.customer.organisation.Contact;
import com.rapport.customer.organisation.Organisation;
import com.rapport.customer.organisation.OrganisationRepository;
import com.rapport.customer.timeline.Interaction;
import com.rapport.customer.timeline.InteractionKind;
import com.rapport.customer.timeline.TimelineService;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The demo's referrals, into an empty collection once the demo organisations are there: Acme Retail's Alice Chen
 * invited Globex Trading (its contact Gavin Wu's address) before Globex became a customer, so Acme earns the bonus
 * with Globex's first delivered order (settled here from the timeline when the deliveries were recorded already,
 * else when order-tracking-service tells them); and she invited Hooli Office, which has not become a customer yet.
 * No mail goes out for them.
 */
@Component
@ConditionalOnBooleanProperty("rapport.demo-data")
class DemoReferrals {

	private static final Logger log = LoggerFactory.getLogger(DemoReferrals.class);

	private final ReferralRepository referrals;

	private final ReferralService service;

	private final OrganisationRepository organisations;

	private final TimelineService timeline;

	private final Clock clock;

	DemoReferrals(ReferralRepository referrals, ReferralService service, OrganisationRepository organisations,
			TimelineService timeline, Clock clock) {
		this.referrals = referrals;
		this.service = service;
		this.organisations = organisations;
		this.timeline = timeline;
		this.clock = clock;
	}

	@EventListener(ApplicationReadyEvent.class)
	void load() {
		Organisation acme = organisations.findById("acme-retail").orElse(null);
		Organisation globex = organisations.findById("globex-trading").orElse(null);
		if (referrals.count() > 0 || acme == null || globex == null || globex.createdAt() == null
				|| acme.contacts().isEmpty() || globex.contacts().isEmpty()) {
			return;
		}
		Contact alice = acme.contacts().get(0);
		String gavin = globex.contacts().get(0).email().toLowerCase(java.util.Locale.ROOT);
		Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
		referrals.insert(new Referral(ReferralService.idOf(acme.id(), gavin), acme.id(), acme.name(), alice.id(),
				alice.name(), globex.name(), gavin, "zh-CN", ReferralState.INVITED,
				globex.createdAt().minus(Duration.ofDays(30)).truncatedTo(ChronoUnit.MILLIS), null, null, 0, null));
		referrals.insert(new Referral(ReferralService.idOf(acme.id(), "buyer@hooli.example"), acme.id(), acme.name(),
				alice.id(), alice.name(), "Hooli Office", "buyer@hooli.example", "zh-CN", ReferralState.INVITED,
				now.minus(Duration.ofDays(3)), null, null, 0, null));
		timeline.ofKindSince(globex.id(), InteractionKind.ORDER_DELIVERED, Instant.EPOCH).stream()
			.min(Comparator.comparing(Interaction::occurredAt))
			.ifPresent(first -> service.settle(first));
		log.info("Loaded the demo referrals of Acme Retail (Globex Trading, Hooli Office)");
	}
}
