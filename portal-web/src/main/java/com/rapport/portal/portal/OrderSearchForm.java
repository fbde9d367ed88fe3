package com.rapport.portal.portal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.rapport.contracts.ordertracking.v1.MilestoneCode;

import org.springframework.util.MultiValueMap;

/**
 * The portal's order search as typed: the start of an order number ({@code number}), a SKU ({@code sku}) and a
 * status ({@code status}, a milestone's name such as {@code SHIPPED}); each empty when not searched for.
 */
record OrderSearchForm(String number, String sku, String status) {

	static OrderSearchForm of(MultiValueMap<String, String> params) {
		return new OrderSearchForm(value(params, "number"), value(params, "sku"), value(params, "status"));
	}

	private static String value(MultiValueMap<String, String> params, String name) {
		String value = params.getFirst(name);
		return value == null ? "" : value.strip();
	}

	public boolean isEmpty() {
		return number.isEmpty() && sku.isEmpty() && status.isEmpty();
	}

	/** Not longer than {@code max} and a status the search offers; otherwise nothing is sent. */
	boolean valid(int max) {
		return number.length() <= max && sku.length() <= max
				&& (status.isEmpty() || PortalController.STATUSES.contains(code(status)));
	}

	MilestoneCode statusCode() {
		return status.isEmpty() ? MilestoneCode.MILESTONE_CODE_UNSPECIFIED : code(status);
	}

	private static MilestoneCode code(String status) {
		try {
			return MilestoneCode.valueOf("MILESTONE_CODE_" + status);
		}
		catch (IllegalArgumentException ex) {
			return MilestoneCode.UNRECOGNIZED;
		}
	}

	/** The list's address with this search, the page {@code page} and the trail {@code back} before it. */
	String url(String page, List<String> back) {
		List<String> params = new ArrayList<>();
		add(params, "number", number);
		add(params, "sku", sku);
		add(params, "status", status);
		add(params, "page", page);
		back.forEach(token -> add(params, "back", token));
		return params.isEmpty() ? "/portal" : "/portal?" + String.join("&", params);
	}

	private static void add(List<String> params, String name, String value) {
		if (!value.isEmpty()) {
			params.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
		}
	}
}
