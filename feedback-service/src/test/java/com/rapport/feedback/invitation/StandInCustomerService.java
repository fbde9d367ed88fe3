package com.rapport.feedback.invitation;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.rapport.support.error.Message;
import com.rapport.support.error.NotFoundException;
import com.rapport.support.test.MutableClock;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * What the invitation tests stand in for: customer-service's contacts of each organisation ({@link #CONTACTS}, an
 * unknown organisation is not found) and a clock the tests move ({@link #CLOCK}, each test puts it back to
 * {@link #START}).
 */
@TestConfiguration(proxyBeanMethods = false)
class StandInCustomerService {

	static final Instant START = Instant.parse("2026-11-30T10:00:00Z");

	static final MutableClock CLOCK = new MutableClock(START);

	static final Map<String, List<InvitedContact>> CONTACTS = new ConcurrentHashMap<>();

	@Bean
	@Primary
	Clock movingClock() {
		return CLOCK;
	}

	@Bean
	@Primary
	ContactDirectory standInContacts() {
		return organisation -> {
			List<InvitedContact> contacts = CONTACTS.get(organisation);
			if (contacts == null) {
				throw new NotFoundException(Message.of("organisation.not-found", organisation));
			}
			return contacts;
		};
	}
}
