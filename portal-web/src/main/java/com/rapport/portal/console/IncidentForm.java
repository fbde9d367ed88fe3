package com.rapport.portal.console;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import com.google.protobuf.Timestamp;
import com.rapport.contracts.ordertracking.v1.IncidentSelection;
import com.rapport.contracts.ordertracking.v1.IncidentSelectionKind;
import com.rapport.support.error.Message;

/**
 * The console's incident form as typed: how the orders are chosen ({@code kind}: {@code SKU}, {@code PLACED},
 * {@code ORDER_NUMBERS}), the SKU, the days placed from and to (both included, in the viewer's time zone), the
 * order numbers one a line (or separated by commas), the cause and the corrective action. Nothing is decided here
 * but what the service cannot read: a day that is not a date.
 */
record IncidentForm(String kind, String sku, String from, String to, String numbers, String cause, String action) {

	/** The service's field names as this form's. */
	static final Map<String, String> FIELDS = Map.of("kind", "kind", "sku", "sku", "placed_from", "from",
			"placed_before", "to", "order_numbers", "numbers", "selection", "selection", "cause", "cause",
			"corrective_action", "action", "notice_id", "request");

	IncidentForm {
		kind = kind == null || kind.isBlank() ? "SKU" : kind.strip();
		sku = sku == null ? "" : sku.strip();
		from = from == null ? "" : from.strip();
		to = to == null ? "" : to.strip();
		numbers = numbers == null ? "" : numbers;
		cause = cause == null ? "" : cause;
		action = action == null ? "" : action;
	}

	static IncidentForm empty() {
		return new IncidentForm("SKU", "", "", "", "", "", "");
	}

	/**
	 * The selection as the service takes it: days become the first instant of {@code from} and of the day after
	 * {@code to} in {@code zone}; a day that is not a date is named in {@code errors} (form field to message).
	 */
	IncidentSelection selection(ZoneId zone, Map<String, Message> errors) {
		IncidentSelection.Builder selection = IncidentSelection.newBuilder().setKind(selectionKind());
		switch (selection.getKind()) {
			case INCIDENT_SELECTION_KIND_SKU -> selection.setSku(sku);
			case INCIDENT_SELECTION_KIND_ORDER_NUMBERS -> selection.addAllOrderNumbers(
					Arrays.stream(numbers.split("[,\\r\\n]+")).map(String::strip).filter(n -> !n.isEmpty()).toList());
			default -> {
				// the days below
			}
		}
		if (selection.getKind() != IncidentSelectionKind.INCIDENT_SELECTION_KIND_ORDER_NUMBERS) {
			day(from, 0, zone, errors, "from").ifPresent(selection::setPlacedFrom);
			day(to, 1, zone, errors, "to").ifPresent(selection::setPlacedBefore);
		}
		return selection.build();
	}

	private IncidentSelectionKind selectionKind() {
		return switch (kind) {
			case "SKU" -> IncidentSelectionKind.INCIDENT_SELECTION_KIND_SKU;
			case "PLACED" -> IncidentSelectionKind.INCIDENT_SELECTION_KIND_PLACED;
			case "ORDER_NUMBERS" -> IncidentSelectionKind.INCIDENT_SELECTION_KIND_ORDER_NUMBERS;
			default -> IncidentSelectionKind.INCIDENT_SELECTION_KIND_UNSPECIFIED;
		};
	}

	private static java.util.Optional<Timestamp> day(String text, int plusDays, ZoneId zone,
			Map<String, Message> errors, String field) {
		if (text.isEmpty()) {
			return java.util.Optional.empty();
		}
		try {
			var instant = LocalDate.parse(text).plusDays(plusDays).atStartOfDay(zone).toInstant();
			return java.util.Optional.of(Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).build());
		}
		catch (DateTimeParseException ex) {
			errors.put(field, Message.of("incidents.date.format"));
			return java.util.Optional.empty();
		}
	}

	/** The service's refusal per field, as this form names its fields. */
	static Map<String, String> formFields(Map<String, String> serviceFields) {
		Map<String, String> errors = new LinkedHashMap<>();
		serviceFields.forEach((field, words) -> errors.merge(FIELDS.getOrDefault(field, "request"), words,
				(a, b) -> a + "; " + b));
		return errors;
	}
}
