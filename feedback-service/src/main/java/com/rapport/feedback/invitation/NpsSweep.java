package com.rapport.feedback.invitation;

import java.time.Clock;

import com.rapport.support.error.RemoteUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Asks each consenting contact of every organisation an NPS once per period (quarterly by default), reading
 * customer-service's organisations a page at a time. Safe on any number of replicas without a lease: an invitation's
 * id is the period's and the contact's, so of two replicas deciding the same contact at once one insert wins and the
 * other finds it taken ({@link Invitations#requestNps}). A contact not asked yet (no consent, or invited within the
 * minimum interval) is looked at again by the next sweep of the same period.
 */
@Component
class NpsSweep {

	private static final Logger log = LoggerFactory.getLogger(NpsSweep.class);

	private final OrganisationPages organisations;

	private final Invitations invitations;

	private final NpsProperties properties;

	private final Clock clock;

	NpsSweep(OrganisationPages organisations, Invitations invitations, NpsProperties properties, Clock clock) {
		this.organisations = organisations;
		this.invitations = invitations;
		this.properties = properties;
		this.clock = clock;
	}

	@Scheduled(initialDelayString = "${rapport.surveys.nps.initial-delay:1h}",
			fixedDelayString = "${rapport.surveys.nps.sweep-interval:1h}")
	void scheduled() {
		if (!properties.sweeping()) {
			return;
		}
		try {
			int invited = sweep();
			if (invited > 0) {
				log.info("NPS sweep invited {} contacts", invited);
			}
		}
		catch (RemoteUnavailableException ex) {
			log.warn("NPS sweep stopped, customer-service unavailable; the next sweep goes on: {}", ex.getMessage());
		}
	}

	/** One sweep over the organisations; answers how many contacts it invited (at most {@code max-per-sweep}). */
	int sweep() {
		return sweep(properties.maxPerSweep());
	}

	/** One sweep that stops once it has invited {@code limit} contacts; the next sweep goes on from the start. */
	int sweep(int limit) {
		String period = properties.periodOf(clock.instant());
		int invited = 0;
		String token = "";
		do {
			OrganisationPages.Page page = organisations.page(token);
			for (OrganisationPages.Organisation organisation : page.organisations()) {
				for (InvitedContact contact : organisation.contacts()) {
					invited += invitations.requestNps(organisation.id(), contact, period) ? 1 : 0;
					if (invited >= limit) {
						return invited;
					}
				}
			}
			token = page.next() == null ? "" : page.next();
		}
		while (!token.isEmpty());
		return invited;
	}
}
