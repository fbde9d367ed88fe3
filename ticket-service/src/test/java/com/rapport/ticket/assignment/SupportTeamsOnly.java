package com.rapport.ticket.assignment;

import java.time.Clock;

import org.springframework.data.mongodb.core.MongoTemplate;

/** The teams' reads over a store alone (no audit), for tests of other packages that read what they count. */
public final class SupportTeamsOnly {

	private SupportTeamsOnly() {
	}

	public static SupportTeams over(MongoTemplate mongo) {
		return new SupportTeams(mongo, null, Clock.systemUTC());
	}
}
