package com.rapport.support.error;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.validation.Errors;
import org.springframework.validation.FieldError;

/**
 * Well-formed input that breaks a rule of the domain, such as an order for an organisation that does not
 * exist. {@link #reason()} says why and {@link #fieldMessages()} names each offending field, both as message
 * codes that the adapter says in the reader's language; a service collects them with Spring's
 * {@link Errors} ({@code errors.rejectValue(field, code, args, null)}), as petclinic does.
 */
public class UnprocessableException extends RuntimeException {

	private final Message reason;

	private final Map<String, Message> fieldMessages;

	private final Map<String, String> fieldErrors;

	private UnprocessableException(String message, Map<String, String> fieldErrors) {
		super(message);
		this.reason = null;
		this.fieldMessages = Map.of();
		this.fieldErrors = Collections.unmodifiableMap(new LinkedHashMap<>(fieldErrors));
	}

	public UnprocessableException(Message reason, Map<String, Message> fieldMessages) {
		super(reason.toString());
		this.reason = reason;
		this.fieldMessages = Collections.unmodifiableMap(new LinkedHashMap<>(fieldMessages));
		Map<String, String> codes = new LinkedHashMap<>();
		fieldMessages.forEach((field, message) -> codes.put(field, message.toString()));
		this.fieldErrors = Collections.unmodifiableMap(codes);
	}

	/**
	 * A refusal that reached this service in words only, without codes (another system's, over gRPC);
	 * {@link #reason()} is then null. Never for a refusal of our own: that names {@link Message}s, so that the
	 * reader reads it in their language ({@code UserTextsTests} fails on a call from anywhere but the gRPC client
	 * side).
	 */
	public static UnprocessableException withoutCode(String words, Map<String, String> fieldWords) {
		return new UnprocessableException(words, fieldWords);
	}

	/** The first rejection of each field in {@code errors}, and its global ones under the object's name. */
	public UnprocessableException(Message reason, Errors errors) {
		this(reason, messagesOf(errors));
	}

	/** One bad field. */
	public static UnprocessableException field(Message reason, String field, Message problem) {
		return new UnprocessableException(reason, Map.of(field, problem));
	}

	/** Throws when {@code errors} holds any rejection. */
	public static void throwIfAny(Message reason, Errors errors) {
		if (errors.hasErrors()) {
			throw new UnprocessableException(reason, errors);
		}
	}

	/** Why, as a code; null for a refusal made in words only. */
	public Message reason() {
		return reason;
	}

	/** Each bad field with the code of what is wrong with it; empty for a refusal made in words only. */
	public Map<String, Message> fieldMessages() {
		return fieldMessages;
	}

	/**
	 * Each bad field in words, for a refusal made in words; for one made with codes, the code and its values
	 * (a reader's text comes from {@link #fieldMessages()}).
	 */
	public Map<String, String> fieldErrors() {
		return fieldErrors;
	}

	private static Map<String, Message> messagesOf(Errors errors) {
		Map<String, Message> messages = new LinkedHashMap<>();
		for (FieldError error : errors.getFieldErrors()) {
			messages.putIfAbsent(error.getField(), Message.of(error.getCode(), args(error.getArguments())));
		}
		errors.getGlobalErrors().forEach(error -> messages.putIfAbsent(error.getObjectName(),
				Message.of(error.getCode(), args(error.getArguments()))));
		return messages;
	}

	private static Object[] args(Object[] arguments) {
		return arguments == null ? new Object[0] : arguments;
	}
}
