package com.rapport.portal.console;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import com.rapport.contracts.customer.v1.ListValueBySegmentResponse;
import com.rapport.contracts.customer.v1.SegmentValue;
import com.rapport.contracts.customer.v1.ValueSegment;
import com.rapport.portal.remote.GrowthClient;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The growth page for managers: every organisation's historical and projected lifetime value by tier, industry,
 * region or first-purchase year, and the same as a CSV file. customer-service decides who may read it; the page
 * asks nobody else.
 */
@Controller
@PreAuthorize("hasAnyRole('manager', 'admin')")
class GrowthController {

	/** The segments the page offers, in its order, as they appear in its address. */
	static final List<String> SEGMENTS = List.of("tier", "industry", "region", "cohort");

	private final GrowthClient growth;

	GrowthController(GrowthClient growth) {
		this.growth = growth;
	}

	@GetMapping("/console/growth")
	String page(@RequestParam(required = false) String segment, Model model) {
		String chosen = chosen(segment);
		ListValueBySegmentResponse report = growth.bySegment(segmentOf(chosen));
		model.addAttribute("segments", SEGMENTS);
		model.addAttribute("segment", chosen);
		model.addAttribute("report", report);
		return "console/growth";
	}

	/**
	 * The same figures as a CSV file (UTF-8 with a byte order mark, so spreadsheet programs read the Chinese names):
	 * the raw segment keys and plain decimal amounts, a line for all organisations at the end.
	 */
	@GetMapping("/console/growth/value.csv")
	ResponseEntity<byte[]> csv(@RequestParam(required = false) String segment) {
		String chosen = chosen(segment);
		ListValueBySegmentResponse report = growth.bySegment(segmentOf(chosen));
		StringBuilder csv = new StringBuilder("\uFEFF");
		csv.append(chosen).append(",organisations,customers,delivered_orders,historical_value,projected_value,currency\r\n");
		for (SegmentValue row : report.getRowsList()) {
			line(csv, row.getKey(), row, report.getCurrency());
		}
		line(csv, "(all)", report.getTotal(), report.getCurrency());
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("value-by-" + chosen + ".csv").build().toString())
			.body(csv.toString().getBytes(StandardCharsets.UTF_8));
	}

	private static void line(StringBuilder csv, String key, SegmentValue row, String currency) {
		csv.append(cell(key)).append(',').append(row.getOrganisations()).append(',').append(row.getCustomers())
			.append(',').append(row.getDeliveredOrders()).append(',').append(row.getHistoricalValue()).append(',')
			.append(row.getProjectedValue()).append(',').append(cell(currency)).append("\r\n");
	}

	/**
	 * A text cell: quoted when it holds a comma, quote or line break; one a spreadsheet would read as a formula
	 * ({@code =}, {@code +}, {@code -}, {@code @} first) is prefixed with an apostrophe.
	 */
	static String cell(String text) {
		String value = text == null ? "" : text;
		if (!value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0) {
			value = "'" + value;
		}
		if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
			value = "\"" + value.replace("\"", "\"\"") + "\"";
		}
		return value;
	}

	/** The segment asked for; anything the page does not offer is the tier (the query string is the user's). */
	private static String chosen(String segment) {
		String asked = segment == null ? "" : segment.strip().toLowerCase(Locale.ROOT);
		return SEGMENTS.contains(asked) ? asked : "tier";
	}

	private static ValueSegment segmentOf(String chosen) {
		return ValueSegment.valueOf("VALUE_SEGMENT_" + chosen.toUpperCase(Locale.ROOT));
	}
}
