package com.rapport.portal.web;

import java.time.ZoneId;
import java.util.List;

/** What a form offers for a person's language and time zone, the same in the portal and the console. */
public final class Choices {

	public static final List<String> LANGUAGES = List.of("en", "zh-CN");

	/** Region/City zones, without the legacy Etc/ and SystemV/ ones. */
	public static final List<String> ZONES = ZoneId.getAvailableZoneIds().stream().filter(zone -> zone.contains("/"))
		.filter(zone -> !zone.startsWith("Etc/") && !zone.startsWith("SystemV/")).sorted().toList();

	private Choices() {
	}
}
