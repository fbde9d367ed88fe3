package com.rapport.portal.console;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import com.rapport.contracts.customer.v1.ListOrganisationsResponse;
import com.rapport.portal.remote.CustomerClient;
import com.rapport.support.error.UnprocessableException;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The staff console's home: the customer organisations from customer-service, all of them or those a
 * search matches, a page at a time.
 */
@Controller
@PreAuthorize("hasAnyRole('agent', 'manager', 'admin')")
class ConsoleController {

	static final int PAGE_SIZE = 50;

	/** customer-service refuses longer queries (see ListOrganisationsRequest.query). */
	static final int MAX_QUERY = 100;

	private final CustomerClient customers;

	ConsoleController(CustomerClient customers) {
		this.customers = customers;
	}

	/**
	 * {@code page} is the token of the page shown; {@code back} (repeated) the tokens of the pages before
	 * it, after the first. The tokens are opaque, so "previous" can only go back along this trail.
	 */
	@GetMapping("/console")
	String home(@RequestParam MultiValueMap<String, String> params, Model model, HttpServletResponse response) {
		String query = first(params, "q").strip();
		String page = first(params, "page");
		List<String> back = params.getOrDefault("back", List.of()).stream().filter(t -> !t.isEmpty()).toList();
		model.addAttribute("q", query);
		model.addAttribute("searching", !query.isEmpty());
		model.addAttribute("invalid", false);
		if (query.length() > MAX_QUERY) {
			return invalid(model, response);
		}
		ListOrganisationsResponse result;
		try {
			result = customers.search(query, PAGE_SIZE, page);
		}
		catch (UnprocessableException ex) {
			// A page token from an old or edited link, or a query the service refuses: say so, keep the form.
			return invalid(model, response);
		}
		model.addAttribute("organisations", result.getOrganisationsList());
		model.addAttribute("total", result.getTotalSize());
		model.addAttribute("previousUrl", page.isEmpty() ? null
				: back.isEmpty() ? url(query, "", List.of())
						: url(query, back.get(back.size() - 1), back.subList(0, back.size() - 1)));
		List<String> trail = new ArrayList<>(back);
		if (!page.isEmpty()) {
			trail.add(page);
		}
		model.addAttribute("nextUrl", result.getNextPageToken().isEmpty() ? null
				: url(query, result.getNextPageToken(), trail));
		return "console/home";
	}

	private static String invalid(Model model, HttpServletResponse response) {
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		model.addAttribute("invalid", true);
		model.addAttribute("organisations", List.of());
		model.addAttribute("total", 0L);
		return "console/home";
	}

	private static String first(MultiValueMap<String, String> params, String name) {
		String value = params.getFirst(name);
		return value == null ? "" : value;
	}

	/** Form-encoded like the search form itself, so that a {@code +} in a phone number stays a plus. */
	static String url(String query, String page, List<String> back) {
		List<String> params = new ArrayList<>();
		if (!query.isEmpty()) {
			params.add("q=" + encode(query));
		}
		if (!page.isEmpty()) {
			params.add("page=" + encode(page));
		}
		back.forEach(token -> params.add("back=" + encode(token)));
		return params.isEmpty() ? "/console" : "/console?" + String.join("&", params);
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}
}
