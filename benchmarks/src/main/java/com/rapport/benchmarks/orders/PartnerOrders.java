package com.rapport.benchmarks.orders;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The body of {@code POST /api/orders/v1/orders} as a partner's ERP sends it: an order of 1–3 lines with its
 * total and promised date, and its milestones so far. Three shapes, as orders stand in a real store: just placed;
 * confirmed and shipped; delivered.
 */
public final class PartnerOrders {

	/** How far along an order is. */
	public enum Stage {
		PLACED, SHIPPED, DELIVERED
	}

	private PartnerOrders() {
	}

	/** Order {@code orderNumber} of {@code customerId}, placed at {@code placedAt}, as far as {@code stage}. */
	public static Map<String, Object> body(String customerId, String orderNumber, Instant placedAt, Stage stage,
			int variant) {
		Instant placed = placedAt.truncatedTo(ChronoUnit.SECONDS);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("customerId", customerId);
		body.put("orderNumber", orderNumber);
		body.put("placedAt", placed.toString());
		body.put("promisedDate", placed.plus(Duration.ofDays(14)).atZone(ZoneOffset.UTC).toLocalDate().toString());
		body.put("total", Map.of("currency", "CNY", "amount", (1200 + 37 * (variant % 1000)) + ".50"));
		List<Map<String, Object>> lines = new ArrayList<>();
		String[][] catalogue = { { "CHAIR-ERG-01", "Ergonomic chair" }, { "DESK-ADJ-02", "Height-adjustable desk" },
				{ "LAMP-LED-03", "LED desk lamp" } };
		for (int i = 0; i <= variant % 3; i++) {
			lines.add(Map.of("sku", catalogue[i][0], "description", catalogue[i][1], "quantity", 5 + (variant + i) % 40));
		}
		body.put("lines", lines);
		List<Map<String, Object>> milestones = new ArrayList<>();
		milestones.add(milestone("PLACED", placed, null));
		if (stage != Stage.PLACED) {
			milestones.add(milestone("CONFIRMED", placed.plus(Duration.ofHours(4)), null));
			milestones.add(milestone("SHIPPED", placed.plus(Duration.ofDays(3)), "Tracking SF1234567890"));
		}
		if (stage == Stage.DELIVERED) {
			milestones.add(milestone("DELIVERED", placed.plus(Duration.ofDays(6)), "Signed for at the loading dock"));
		}
		body.put("milestones", milestones);
		return body;
	}

	private static Map<String, Object> milestone(String code, Instant at, String note) {
		Map<String, Object> milestone = new LinkedHashMap<>();
		milestone.put("code", code);
		milestone.put("occurredAt", at.toString());
		if (note != null) {
			milestone.put("note", note);
		}
		return milestone;
	}
}
