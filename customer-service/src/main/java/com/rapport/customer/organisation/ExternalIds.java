package com.rapport.customer.organisation;

import java.util.LinkedHashMap;
import java.util.Map;

import com.rapport.support.error.UnprocessableException;

/** The partner keys of the upserts: the one in the path, and the one the body may repeat. */
final class ExternalIds {

	static final String EXTERNAL_ID_RULE = "1 to 100 letters, digits and . _ : ~ -, starting with a letter or digit";

	private ExternalIds() {
	}

	static void requireExternalIdPath(String path, String body) {
		Map<String, String> errors = externalIdPathErrors(path, body);
		if (!errors.isEmpty()) {
			throw new UnprocessableException("Invalid external id.", errors);
		}
	}

	static Map<String, String> externalIdPathErrors(String path, String body) {
		Map<String, String> errors = new LinkedHashMap<>();
		if (!ProfileRules.isExternalId(path)) {
			errors.put("externalId", EXTERNAL_ID_RULE);
		}
		else if (body != null && !body.equals(path)) {
			errors.put("externalId", "must be the one in the path or left out");
		}
		return errors;
	}
}
