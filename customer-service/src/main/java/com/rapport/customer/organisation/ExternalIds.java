package com.rapport.customer.organisation;

import java.util.LinkedHashMap;
import java.util.Map;

import com.rapport.support.error.Message;
import com.rapport.support.error.UnprocessableException;

/** The partner keys of the upserts: the one in the path, and the one the body may repeat. */
final class ExternalIds {

	private ExternalIds() {
	}

	static void requireExternalIdPath(String path, String body) {
		Map<String, Message> errors = externalIdPathErrors(path, body);
		if (!errors.isEmpty()) {
			throw new UnprocessableException(Message.of("organisation.external-id-invalid"), errors);
		}
	}

	static Map<String, Message> externalIdPathErrors(String path, String body) {
		Map<String, Message> errors = new LinkedHashMap<>();
		if (!ProfileRules.isExternalId(path)) {
			errors.put("externalId", Message.of("profile.external-id.format"));
		}
		else if (body != null && !body.equals(path)) {
			errors.put("externalId", Message.of("organisation.external-id.must-be-path"));
		}
		return errors;
	}
}
