package com.rapport.customer.identity.grpc;

import static com.rapport.customer.organisation.grpc.OrganisationMessages.blankToNull;
import static com.rapport.customer.organisation.grpc.OrganisationMessages.enumName;

import com.rapport.contracts.customer.v1.ContactFields;
import com.rapport.contracts.customer.v1.UpdateMyPreferencesRequest;
import com.rapport.customer.organisation.ContactInput;
import com.rapport.customer.organisation.PreferencesInput;

/** Contact requests → domain; the answers are {@code OrganisationMessages}' contacts. */
final class ContactMessages {

	private ContactMessages() {
	}

	/** A new contact: a field left empty takes its default (there is nothing to clear yet). */
	static ContactInput toNewInput(ContactFields fields) {
		ContactInput input = toInput(fields);
		return new ContactInput(blankToNull(input.name()), blankToNull(input.jobTitle()), blankToNull(input.email()),
				blankToNull(input.phone()), blankToNull(input.language()), blankToNull(input.timeZone()),
				blankToNull(input.birthday()), input.preferredChannel(), null, null, null, null);
	}

	static ContactInput toInput(ContactFields fields) {
		return new ContactInput(fields.getName(), fields.getJobTitle(), fields.getEmail(), fields.getPhone(),
				fields.getLanguage(), fields.getTimeZone(), fields.getBirthday(),
				enumName(fields.getPreferredChannel(), fields.getPreferredChannelValue(), "PREFERRED_CHANNEL_"), null,
				null, null, null);
	}

	/** Unspecified keeps the current channel; an unknown number is passed on for the rules to name. */
	static PreferencesInput toInput(UpdateMyPreferencesRequest request) {
		String channel = switch (request.getPreferredChannel()) {
			case PREFERRED_CHANNEL_UNSPECIFIED -> null;
			case UNRECOGNIZED -> "channel " + request.getPreferredChannelValue();
			default -> request.getPreferredChannel().name().substring("PREFERRED_CHANNEL_".length());
		};
		return new PreferencesInput(request.getLanguage(), request.getTimeZone(), channel,
				request.getMarketingConsent(), request.getSurveyConsent(),
				request.hasReorderReminderConsent() ? request.getReorderReminderConsent() : null);
	}
}
