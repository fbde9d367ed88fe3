package com.rapport.ticket.assignment;

import java.util.List;

import com.rapport.ticket.ticket.Category;

/**
 * An agent of a team: their user name (preferred_username) and display name, the categories they take (empty:
 * every one), the languages they answer in ({@code en}, {@code zh-CN}; empty: any), how many open tickets they may
 * have at once, and whether they are available (false: away, skipped).
 */
public record TeamAgent(String userName, String displayName, List<Category> categories, List<String> languages,
		int maxOpenTickets, boolean available) {

	public TeamAgent {
		categories = categories == null ? List.of() : List.copyOf(categories);
		languages = languages == null ? List.of() : List.copyOf(languages);
	}

	/**
	 * Whether their skills fit a ticket of {@code category} for a requester writing in {@code language}: a
	 * category or language not known (null) asks for no skill.
	 */
	public boolean skilledFor(Category category, String language) {
		boolean categoryFits = category == null || categories.isEmpty() || categories.contains(category);
		boolean languageFits = language == null || language.isBlank() || languages.isEmpty()
				|| languages.stream().anyMatch(l -> l.equalsIgnoreCase(language) || sameLanguage(l, language));
		return categoryFits && languageFits;
	}

	/** {@code zh} and {@code zh-CN} are one language to an agent. */
	private static boolean sameLanguage(String a, String b) {
		return a.split("-")[0].equalsIgnoreCase(b.split("-")[0]);
	}
}
