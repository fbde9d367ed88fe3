package com.rapport.feedback.invitation;

import java.util.List;

/** customer-service's organisations and their contacts, a page at a time (for the NPS sweep). */
@FunctionalInterface
public interface OrganisationPages {

	/** Every organisation's contacts, one page; {@code next} empty after the last. */
	record Page(List<Organisation> organisations, String next) {
	}

	record Organisation(String id, List<InvitedContact> contacts) {
	}

	/** The page after {@code token} (empty: the first); throws {@code RemoteUnavailableException} when it cannot be asked. */
	Page page(String token);
}
