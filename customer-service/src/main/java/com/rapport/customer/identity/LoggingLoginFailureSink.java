package com.rapport.customer.identity;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The sink while no audit trail takes the failed logins: one INFO line each. */
class LoggingLoginFailureSink implements LoginFailureSink {

	private static final Logger log = LoggerFactory.getLogger(LoggingLoginFailureSink.class);

	@Override
	public void accept(LoginFailure failure) {
		log.info("Failed login at {}: user {} ({}), client {}, from {}: {}", failure.time(), failure.username(),
				failure.userId(), failure.clientId(), failure.ipAddress(), failure.error());
	}
}
