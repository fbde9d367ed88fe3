package com.rapport.ordertracking.incident;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import com.rapport.support.error.Message;
import com.rapport.support.error.UnprocessableException;
import com.rapport.support.validation.TextRules;

/**
 * Which orders an incident touches: those with a line of a SKU (optionally placed in a range), those placed in a
 * range [{@code placedFrom}, {@code placedBefore}), or those of some order numbers, in whichever organisations have
 * them. Cancelled orders are never selected.
 */
public record IncidentSelection(Kind kind, String sku, Instant placedFrom, Instant placedBefore,
		List<String> orderNumbers) {

	/** The most order numbers a selection by hand names. */
	public static final int MAX_NUMBERS = 500;

	static final int MAX_TEXT = 100;

	public enum Kind {
		SKU, PLACED, ORDER_NUMBERS
	}

	/** Text stripped; order numbers stripped, blanks dropped, each once in the order given. */
	public IncidentSelection {
		sku = sku == null ? "" : sku.strip();
		orderNumbers = orderNumbers == null ? List.of()
				: List.copyOf(new LinkedHashSet<>(orderNumbers.stream().map(String::strip).filter(n -> !n.isEmpty())
					.toList()));
	}

	/** Refuses a selection that selects nothing, a range that does not end after it starts, or too much text. */
	void check() {
		Map<String, Message> bad = new LinkedHashMap<>();
		Message reason = Message.of("problem.invalid-fields");
		if (kind == null) {
			bad.put("kind", Message.of("incidents.selection.kind"));
			reason = Message.of("incidents.selection.empty");
		}
		else if (kind == Kind.SKU && sku.isEmpty()) {
			bad.put("sku", Message.of("incidents.selection.nothing"));
			reason = Message.of("incidents.selection.empty");
		}
		else if (kind == Kind.PLACED && (placedFrom == null || placedBefore == null)) {
			bad.put(placedFrom == null ? "placed_from" : "placed_before", Message.of("incidents.selection.nothing"));
			reason = Message.of("incidents.selection.empty");
		}
		else if (kind == Kind.ORDER_NUMBERS && orderNumbers.isEmpty()) {
			bad.put("order_numbers", Message.of("incidents.selection.nothing"));
			reason = Message.of("incidents.selection.empty");
		}
		if (kind != Kind.ORDER_NUMBERS && placedFrom != null && placedBefore != null
				&& !placedBefore.isAfter(placedFrom)) {
			bad.put("placed_before", Message.of("incidents.range.end-before-start"));
			reason = Message.of("incidents.range.reversed");
		}
		if (kind == Kind.SKU) {
			String problem = sku.length() > MAX_TEXT ? "field.too-long" : TextRules.problemCode(sku, false);
			if (problem != null) {
				bad.put("sku", "field.too-long".equals(problem) ? Message.of(problem, MAX_TEXT) : Message.of(problem));
			}
		}
		if (kind == Kind.ORDER_NUMBERS) {
			if (orderNumbers.size() > MAX_NUMBERS) {
				bad.put("order_numbers", Message.of("incidents.numbers.too-many", MAX_NUMBERS));
			}
			else if (orderNumbers.stream().anyMatch(n -> n.length() > MAX_TEXT || !TextRules.isPlain(n, false))) {
				bad.put("order_numbers", Message.of("incidents.numbers.format", MAX_TEXT));
			}
		}
		if (!bad.isEmpty()) {
			throw new UnprocessableException(reason, bad);
		}
	}

	/** What the selection was, for the audit trail and the mails: its kind and the SKU when it has one. */
	Map<String, String> facts() {
		Map<String, String> facts = new LinkedHashMap<>();
		facts.put("selection", kind.name());
		if (kind == Kind.SKU) {
			facts.put("sku", sku);
		}
		return facts;
	}
}
