package com.rapport.support.error;

import java.util.Arrays;
import java.util.List;

import org.springframework.context.MessageSourceResolvable;

/**
 * Something to tell a person, as a message code and the values it names, not as words: the words are chosen
 * where the reader's language is known (the REST advice, portal-web). The codes and their English and Chinese
 * texts live in {@code rapport/i18n/codes*.properties} (contracts) and each service's {@code i18n/messages*}.
 * Values travel as text so that they cross gRPC unchanged.
 */
public record Message(String code, List<String> args) implements MessageSourceResolvable {

	public Message {
		if (code == null || code.isBlank()) {
			throw new IllegalArgumentException("A message needs a code");
		}
		args = args == null ? List.of() : List.copyOf(args);
	}

	/** {@code Message.of("field.too-long", 200)}; each value becomes its text ({@code null} the empty one). */
	public static Message of(String code, Object... args) {
		return new Message(code, Arrays.stream(args).map(arg -> arg == null ? "" : String.valueOf(arg)).toList());
	}

	@Override
	public String[] getCodes() {
		return new String[] { code };
	}

	@Override
	public Object[] getArguments() {
		return args.toArray();
	}

	@Override
	public String getDefaultMessage() {
		return null;
	}

	@Override
	public String toString() {
		return args.isEmpty() ? code : code + args;
	}
}
