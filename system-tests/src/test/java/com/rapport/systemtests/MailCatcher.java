package com.rapport.systemtests;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.function.Predicate;

import com.jayway.jsonpath.JsonPath;

/** The platform's mail catcher as a test reads it: a mailbox's mails over its HTTP API, waited for. */
final class MailCatcher {

	private MailCatcher() {
	}

	/**
	 * The first mail to {@code address} whose text (quoted-printable soft line breaks joined, {@code =3D} read as
	 * {@code =}) satisfies {@code wanted}, asking once a second for up to a minute; null when none came.
	 */
	static String awaitMail(String address, Predicate<String> wanted) throws InterruptedException {
		for (int attempt = 0; attempt < 60; attempt++) {
			HttpResponse<String> mails = Partner.anonymous(HttpRequest
				.newBuilder(URI.create(IdentityAndPrivacySystemTests.MAIL_API + "/api/user/" + address + "/messages")));
			if (mails.statusCode() == 200) {
				List<String> bodies = JsonPath.read(mails.body(), "$[*].mimeMessage");
				for (String body : bodies) {
					String text = body.replace("=\r\n", "").replace("=\n", "").replace("=3D", "=");
					if (wanted.test(text)) {
						return text;
					}
				}
			}
			Thread.sleep(1_000);
		}
		return null;
	}
}
