package com.rapport.portal.console;

import java.util.Map;

import com.rapport.support.error.Message;
import com.rapport.support.message.Texts;

import org.springframework.context.i18n.LocaleContextHolder;

/** Whole numbers typed into the console's settings forms: what is not one is named here, the ranges by the service. */
final class FormNumbers {

	private FormNumbers() {
	}

	/** The number typed into {@code field}; 0 and an error beside the field when it is not a whole number. */
	static int whole(Texts texts, Map<String, String> typed, String field, Map<String, String> errors) {
		try {
			return Integer.parseInt(typed.get(field));
		}
		catch (NumberFormatException ex) {
			errors.put(field, texts.say(Message.of("field.whole-number"), LocaleContextHolder.getLocale()));
			return 0;
		}
	}
}
