package com.rapport.support.message;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.SearchStrategy;
import org.springframework.boot.autoconfigure.context.MessageSourceAutoConfiguration;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.support.AbstractApplicationContext;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * Every service's texts for people: its own bundles ({@code spring.messages.basename}, default
 * {@code i18n/messages}, those that exist) and then the codes all share ({@code rapport/i18n/codes} in
 * contracts: problem titles and details, field rules, timeline sentences, labels of chosen values), in UTF-8.
 * A language without a file reads the default (English) file, never the machine's language.
 */
@AutoConfiguration(before = MessageSourceAutoConfiguration.class)
public class MessagesAutoConfiguration {

	public static final String SHARED_CODES = "rapport/i18n/codes";

	@Bean(name = AbstractApplicationContext.MESSAGE_SOURCE_BEAN_NAME)
	@ConditionalOnMissingBean(name = AbstractApplicationContext.MESSAGE_SOURCE_BEAN_NAME, search = SearchStrategy.CURRENT)
	MessageSource messageSource(Environment environment) {
		List<String> basenames = new ArrayList<>();
		ClassLoader loader = MessagesAutoConfiguration.class.getClassLoader();
		for (String basename : StringUtils
			.commaDelimitedListToStringArray(environment.getProperty("spring.messages.basename", "i18n/messages"))) {
			String name = basename.strip();
			if (loader.getResource(name.replace('.', '/') + ".properties") != null
					|| loader.getResource(name + ".properties") != null) {
				basenames.add(name);
			}
		}
		basenames.add(SHARED_CODES);
		ResourceBundleMessageSource source = new ResourceBundleMessageSource();
		source.setBasenames(basenames.toArray(String[]::new));
		source.setDefaultEncoding("UTF-8");
		source.setFallbackToSystemLocale(false);
		return source;
	}
}
