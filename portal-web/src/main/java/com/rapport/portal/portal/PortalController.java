package com.rapport.portal.portal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import jakarta.servlet.http.HttpServletResponse;

import com.rapport.contracts.ordertracking.v1.ListOrdersResponse;
import com.rapport.contracts.ordertracking.v1.Milestone;
import com.rapport.contracts.ordertracking.v1.MilestoneCode;
import com.rapport.contracts.ordertracking.v1.Order;
import com.rapport.portal.remote.OrderClient;
import com.rapport.support.error.Message;
import com.rapport.support.error.UnprocessableException;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The customer's view of their organisation's orders. Which orders those are is decided by
 * order-tracking-service from the user's token, not here.
 */
@Controller
@PreAuthorize("hasRole('customer')")
class PortalController {

	/** The usual path of an order; an exception is shown where it happened. */
	static final List<MilestoneCode> PATH = List.of(MilestoneCode.MILESTONE_CODE_PLACED,
			MilestoneCode.MILESTONE_CODE_CONFIRMED, MilestoneCode.MILESTONE_CODE_IN_PRODUCTION,
			MilestoneCode.MILESTONE_CODE_QUALITY_CHECK, MilestoneCode.MILESTONE_CODE_PACKED,
			MilestoneCode.MILESTONE_CODE_SHIPPED, MilestoneCode.MILESTONE_CODE_OUT_FOR_DELIVERY,
			MilestoneCode.MILESTONE_CODE_DELIVERED);

	private final OrderClient orders;

	PortalController(OrderClient orders) {
		this.orders = orders;
	}

	/** Orders shown on one page of the list; older ones are a link away, and the newest one more. */
	static final int PAGE_SIZE = 25;

	/** The longest order number or SKU searched for; longer is not sent. */
	static final int MAX_SEARCH = 100;

	/** The statuses the search offers, in the order of an order's life. */
	static final List<MilestoneCode> STATUSES = Stream
		.concat(PATH.stream(), Stream.of(MilestoneCode.MILESTONE_CODE_EXCEPTION)).toList();

	/**
	 * The organisation's orders, newest first, searchable by the start of the order number, a SKU and the status
	 * (order-tracking-service answers each from an index of the organisation's orders). {@code page} is the token
	 * of the page shown and {@code back} (repeated) those of the pages before it after the first: the tokens are
	 * opaque, so going back to newer orders follows this trail, and the first page is always one link away.
	 */
	@GetMapping("/portal")
	String orders(@RequestParam MultiValueMap<String, String> params, Model model, HttpServletResponse response) {
		OrderSearchForm search = OrderSearchForm.of(params);
		String page = first(params, "page");
		List<String> back = params.getOrDefault("back", List.of()).stream().filter(t -> !t.isEmpty()).toList();
		model.addAttribute("search", search);
		model.addAttribute("statuses", STATUSES);
		model.addAttribute("invalid", false);
		ListOrdersResponse answer;
		try {
			if (!search.valid(MAX_SEARCH)) {
				throw new UnprocessableException(Message.of("orders.search.invalid"), Map.of());
			}
			answer = search.isEmpty() ? orders.orders(page, PAGE_SIZE)
					: orders.search(search.number(), search.sku(), search.statusCode(), page, PAGE_SIZE);
		}
		catch (UnprocessableException ex) {
			// Too long, an unknown status, or a page token from an old or edited link: said, the form kept.
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("invalid", true);
			model.addAttribute("orders", List.of());
			model.addAttribute("olderPage", "");
			model.addAttribute("laterPage", false);
			return "portal/orders";
		}
		model.addAttribute("orders", answer.getOrdersList());
		model.addAttribute("laterPage", !page.isEmpty());
		model.addAttribute("newestUrl", search.url("", List.of()));
		model.addAttribute("newerUrl", back.isEmpty() ? null
				: search.url(back.get(back.size() - 1), back.subList(0, back.size() - 1)));
		List<String> trail = new ArrayList<>(back);
		if (!page.isEmpty()) {
			trail.add(page);
		}
		model.addAttribute("olderPage", answer.getNextPageToken());
		model.addAttribute("olderUrl", answer.getNextPageToken().isEmpty() ? null
				: search.url(answer.getNextPageToken(), trail));
		return "portal/orders";
	}

	private static String first(MultiValueMap<String, String> params, String name) {
		String value = params.getFirst(name);
		return value == null ? "" : value;
	}

	@GetMapping("/portal/orders/{id}")
	String order(@PathVariable String id, Model model) {
		Order order = orders.order(id);
		model.addAttribute("order", order);
		model.addAttribute("steps", steps(order));
		return "portal/order";
	}

	/**
	 * One row per step of the usual path, reached or still ahead, plus any exception the partner reported.
	 * An order is placed even when the partner has reported no step of the path yet (order-tracking-service
	 * then gives it status PLACED), so placement is shown as reached, at {@code placed_at}.
	 */
	static List<Step> steps(Order order) {
		List<Step> steps = new ArrayList<>();
		int furthest = order.getMilestonesList().stream().mapToInt(m -> PATH.indexOf(m.getCode())).max().orElse(-1);
		if (furthest < 0) {
			MilestoneCode placed = MilestoneCode.MILESTONE_CODE_PLACED;
			steps.add(new Step(placed.name(),
					Milestone.newBuilder().setCode(placed).setOccurredAt(order.getPlacedAt()).build(), true));
			furthest = PATH.indexOf(placed);
		}
		for (Milestone milestone : order.getMilestonesList()) {
			steps.add(new Step(milestone.getCode().name(), milestone, true));
		}
		// Steps the partner skipped before the furthest one reached are not shown as still to come.
		for (int i = furthest + 1; i < PATH.size(); i++) {
			steps.add(new Step(PATH.get(i).name(), null, false));
		}
		return steps;
	}

	record Step(String code, Milestone milestone, boolean reached) {
	}
}
