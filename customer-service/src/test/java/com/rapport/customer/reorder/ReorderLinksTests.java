package com.rapport.customer.reorder;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The reminder link's token: what it says when ours and in time, and that nothing else passes for one. */
class ReorderLinksTests {

	static final Instant NOW = Instant.parse("2026-12-07T08:00:00Z");

	static final ReorderLinks.Subject CHAIRS = new ReorderLinks.Subject("acme-retail", "contact-1",
			LocalDate.of(2026, 12, 16), "CHAIR|ERG.01");

	final ReorderLinks links = links("secret-one", NOW);

	static ReorderLinks links(String secret, Instant now) {
		return new ReorderLinks(new ReorderProperties(null, null, secret, null), Clock.fixed(now, ZoneOffset.UTC));
	}

	@Test
	void aTokenWeIssuedReadsBackItsSubjectUntilItExpires() {
		String token = links.issue(CHAIRS, NOW.plusSeconds(60));

		assertThat(token).matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");
		assertThat(links.read(token)).isEqualTo(new ReorderLinks.Valid(CHAIRS));
		assertThat(links("secret-one", NOW.plusSeconds(59)).read(token)).isInstanceOf(ReorderLinks.Valid.class);
		assertThat(links("secret-one", NOW.plusSeconds(60)).read(token)).isEqualTo(new ReorderLinks.Expired(CHAIRS));
	}

	@Test
	void aChangedCutMadeUpOrOtherwiseSignedTokenIsForged() {
		String token = links.issue(CHAIRS, NOW.plusSeconds(3600));
		String payload = token.substring(0, token.indexOf('.'));
		String signature = token.substring(token.indexOf('.') + 1);
		String otherPayload = links.issue(new ReorderLinks.Subject("globex-trading", "contact-1",
				LocalDate.of(2026, 12, 16), "CHAIR|ERG.01"), NOW.plusSeconds(3600));
		otherPayload = otherPayload.substring(0, otherPayload.indexOf('.'));

		assertThat(links.read(otherPayload + "." + signature)).isInstanceOf(ReorderLinks.Forged.class);
		assertThat(links.read(payload + "." + signature.substring(1))).isInstanceOf(ReorderLinks.Forged.class);
		assertThat(links.read(payload)).isInstanceOf(ReorderLinks.Forged.class);
		assertThat(links.read(token + ".x")).isInstanceOf(ReorderLinks.Forged.class);
		assertThat(links.read("not*base64.at*all")).isInstanceOf(ReorderLinks.Forged.class);
		assertThat(links.read("")).isInstanceOf(ReorderLinks.Forged.class);
		assertThat(links.read(null)).isInstanceOf(ReorderLinks.Forged.class);
		assertThat(links.read("a".repeat(2000) + ".b")).isInstanceOf(ReorderLinks.Forged.class);
		assertThat(links("secret-two", NOW).read(token)).isInstanceOf(ReorderLinks.Forged.class);
	}
}
