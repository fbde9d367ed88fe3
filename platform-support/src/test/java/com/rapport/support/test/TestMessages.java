package com.rapport.support.test;

import org.springframework.context.MessageSource;
import org.springframework.context.support.ResourceBundleMessageSource;

/** The message bundles as a service configures them ({@code spring.messages}), for tests without a context. */
public final class TestMessages {

	public static final String CODES = "rapport/i18n/codes";

	private TestMessages() {
	}

	/** The shared codes, then the given bundles (such as a service's {@code i18n/messages}). */
	public static MessageSource source(String... basenames) {
		ResourceBundleMessageSource source = new ResourceBundleMessageSource();
		source.setBasenames(basenames);
		source.addBasenames(CODES);
		source.setDefaultEncoding("UTF-8");
		source.setFallbackToSystemLocale(false);
		return source;
	}
}
