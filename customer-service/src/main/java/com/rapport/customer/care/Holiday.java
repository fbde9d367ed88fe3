package com.rapport.customer.care;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A day of the holiday calendar on which consenting contacts get a greeting. Dates are one-off (lunar holidays
 * move every year), so each year's Spring Festival is its own entry.
 *
 * @param countries ISO 3166-1 alpha-2 codes of the organisations it applies to; empty means every country
 * @param name      the holiday's name per language ({@code en}, {@code zh-CN})
 * @param greeting  the greeting text per language; {@code {name}} stands for the contact's name
 */
@Document("holidays")
public record Holiday(@Id String id, @Indexed LocalDate date, List<String> countries, Map<String, String> name,
		Map<String, String> greeting, Instant createdAt, Instant updatedAt) {

	public static final String NAME_PLACEHOLDER = "{name}";

	public Holiday {
		countries = countries == null ? List.of() : countries.stream().sorted().distinct().toList();
		name = name == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(name));
		greeting = greeting == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(greeting));
	}

	public boolean appliesTo(String country) {
		return countries.isEmpty() || (country != null && countries.contains(country));
	}

	/** The name in {@code language}, else in English. */
	public String nameIn(String language) {
		return name.getOrDefault(language, name.get("en"));
	}

	/** The greeting in {@code language} (else in English) addressed to {@code contactName}. */
	public String greetingFor(String language, String contactName) {
		return greeting.getOrDefault(language, greeting.get("en")).replace(NAME_PLACEHOLDER, contactName);
	}
}
