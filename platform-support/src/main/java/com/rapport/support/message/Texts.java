package com.rapport.support.message;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.rapport.support.error.Message;
import com.rapport.support.error.UnprocessableException;

import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * Says {@link Message}s in a reader's language with the application's {@link MessageSource} and the codes all
 * modules share ({@code rapport/i18n/codes*.properties} in contracts: problem titles and details, field rules,
 * timeline sentences, labels of chosen values). Only English and
 * Simplified Chinese are written: any Chinese ({@code zh}, {@code zh-TW}) reads Simplified Chinese, anything
 * else English, so that a partner who asks for nothing (or for German) gets English. A code without a text
 * (which the translation test forbids) shows as the code, never as an error page.
 */
public final class Texts {

	public static final List<Locale> OFFERED = List.of(Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE);

	/** The codes every module shares, in contracts. */
	public static final String SHARED_CODES = "rapport/i18n/codes";

	private final MessageSource messages;

	/** {@code messages} (the application's own texts) first, then the shared codes. */
	public Texts(MessageSource messages) {
		this.messages = withSharedCodes(messages);
	}

	/**
	 * The shared codes in UTF-8, falling back to {@code own} for any other code. A language without a file
	 * reads the default (English) file, never the machine's language.
	 */
	public static MessageSource withSharedCodes(MessageSource own) {
		ResourceBundleMessageSource shared = new ResourceBundleMessageSource();
		shared.setBasenames(SHARED_CODES);
		shared.setDefaultEncoding("UTF-8");
		shared.setFallbackToSystemLocale(false);
		shared.setParentMessageSource(own);
		return shared;
	}

	/** The offered language nearest to {@code locale}. */
	public static Locale offered(Locale locale) {
		return locale != null && "zh".equals(locale.getLanguage()) ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH;
	}

	/** In the language of the current request (Accept-Language, or the reader's choice where one is kept). */
	public String say(Message message) {
		return say(message, LocaleContextHolder.getLocale());
	}

	public String say(Message message, Locale locale) {
		try {
			Object[] args = message.args().stream().map(arg -> (Object) (isCode(arg) ? say(nested(arg), locale) : arg))
				.toArray();
			return messages.getMessage(message.code(), args, offered(locale));
		}
		catch (NoSuchMessageException ex) {
			return message.toString();
		}
	}

	/**
	 * A line stored as a code with its values (a timeline entry) in the current request's language; its
	 * stored words when it has no code (an old entry no known pattern matched).
	 */
	public String line(String code, List<String> args, String words) {
		if (code == null || code.isBlank()) {
			return words;
		}
		return say(new Message(code, args), LocaleContextHolder.getLocale());
	}

	/**
	 * A chosen value (an industry, a region) by its label where it has one ({@code <kind>.<value in lower case,
	 * words joined by ->}, such as {@code industry.retail}), else as stored: free text stays as typed.
	 */
	public String label(String kind, String value) {
		if (value == null || value.isBlank()) {
			return value;
		}
		String code = kind + "." + value.strip().toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "-");
		try {
			return messages.getMessage(code, null, offered(LocaleContextHolder.getLocale()));
		}
		catch (NoSuchMessageException ex) {
			return value;
		}
	}

	/**
	 * A value written {@code #{code}} is itself a code to say (a tier, a consent); {@code #{code|a|b}} one with
	 * its own values.
	 */
	public static String code(String code, Object... args) {
		StringBuilder nested = new StringBuilder("#{").append(code);
		for (Object arg : args) {
			nested.append('|').append(arg);
		}
		return nested.append('}').toString();
	}

	private static boolean isCode(String arg) {
		return arg.length() > 3 && arg.startsWith("#{") && arg.endsWith("}");
	}

	private static Message nested(String arg) {
		String[] parts = arg.substring(2, arg.length() - 1).split("\\|", -1);
		return new Message(parts[0], List.of(parts).subList(1, parts.length));
	}

	/** A code with its values, said in {@code locale}. */
	public String say(Locale locale, String code, Object... args) {
		return say(Message.of(code, args), locale);
	}

	/**
	 * Each bad field of a refusal in {@code locale}: the coded ones said, a refusal in words only as its words.
	 */
	public Map<String, String> fields(UnprocessableException ex, Locale locale) {
		if (ex.fieldMessages().isEmpty()) {
			return new LinkedHashMap<>(ex.fieldErrors());
		}
		Map<String, String> said = new LinkedHashMap<>();
		ex.fieldMessages().forEach((field, message) -> said.put(field, say(message, locale)));
		return said;
	}

	/** Why the refusal was made, in {@code locale}; its words when it was made in words only. */
	public String reason(RuntimeException ex, Message reason, Locale locale) {
		return reason != null ? say(reason, locale) : ex.getMessage();
	}
}
