package com.rapport.portal.portal;

import java.util.ArrayList;
import java.util.List;

import com.rapport.contracts.ordertracking.v1.ListOrdersResponse;
import com.rapport.contracts.ordertracking.v1.Milestone;
import com.rapport.contracts.ordertracking.v1.MilestoneCode;
import com.rapport.contracts.ordertracking.v1.Order;
import com.rapport.portal.remote.OrderClient;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
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

	@GetMapping("/portal")
	String orders(@RequestParam(name = "page", defaultValue = "") String page, Model model) {
		ListOrdersResponse answer = orders.orders(page, PAGE_SIZE);
		model.addAttribute("orders", answer.getOrdersList());
		model.addAttribute("olderPage", answer.getNextPageToken());
		model.addAttribute("laterPage", !page.isEmpty());
		return "portal/orders";
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
