package com.rapport.customer.organisation;

import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/** Ids for new organisations: readable and stable, made from the name. */
final class NewOrganisationIds {

	private NewOrganisationIds() {
	}

	/** A readable, stable id from the name, such as {@code acme-retail}; a suffix when it is taken. */
	static String freeIdFor(String name, OrganisationIds organisations) {
		String slug = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "")
			.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
		if (slug.length() > 40) {
			slug = slug.substring(0, 40).replaceAll("-+$", "");
		}
		if (slug.length() < 2) {
			slug = "org";
		}
		// A short suffix keeps ids readable; names that share a slug (all-Chinese names all give "org") use up
		// the 65,536 short ones, so after a few collisions the suffix grows, and it always ends.
		String candidate = slug;
		for (int attempt = 0; organisations.hasId(candidate); attempt++) {
			candidate = slug + "-" + (attempt < 8 ? HexFormat.of().toHexDigits((short) ThreadLocalRandom.current().nextInt())
					: HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong()));
		}
		return candidate;
	}
}
