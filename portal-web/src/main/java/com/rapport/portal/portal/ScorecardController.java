package com.rapport.portal.portal;

import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.rapport.portal.remote.FiguresClient;
import com.rapport.portal.remote.ImprovementClient;
import com.rapport.portal.remote.OrderClient;
import com.rapport.portal.remote.TicketFiguresClient;
import com.rapport.support.error.Message;
import com.rapport.support.error.NotFoundException;
import com.rapport.support.error.RemoteUnavailableException;
import com.rapport.support.security.Caller;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The customer's own scorecard of its supplier (issue 10): on-time delivery (order-tracking-service), SLA kept and how
 * fast we answer (ticket-service), the organisation's own survey scores month by month (feedback-service) and what was
 * changed because of its feedback, over the last twelve months. Each service answers for the token's organisation
 * alone; one that cannot answer leaves its part with a notice and the rest is shown.
 */
@Controller
@PreAuthorize("hasRole('customer')")
class ScorecardController {

	private static final Logger log = LoggerFactory.getLogger(ScorecardController.class);

	/** How many improvements the scorecard shows (the newest; the page "You said, we did" has them all). */
	static final int IMPROVEMENTS_SHOWN = 3;

	private final OrderClient orders;

	private final TicketFiguresClient tickets;

	private final FiguresClient scores;

	private final ImprovementClient improvements;

	ScorecardController(OrderClient orders, TicketFiguresClient tickets, FiguresClient scores,
			ImprovementClient improvements) {
		this.orders = orders;
		this.tickets = tickets;
		this.scores = scores;
		this.improvements = improvements;
	}

	@GetMapping("/portal/scorecard")
	String scorecard(Model model) {
		String own = Caller.current().customerId()
			.orElseThrow(() -> new NotFoundException(Message.of("organisation.none-for-login")));
		YearMonth to = YearMonth.now(ZoneOffset.UTC);
		YearMonth from = to.minusMonths(11);
		model.addAttribute("from", from.toString());
		model.addAttribute("to", to.toString());
		model.addAttribute("delivery", part("deliveries", () -> orders.deliveryPerformance(own)));
		model.addAttribute("tickets", part("tickets", () -> tickets.figures(from.toString(), to.toString(), own)));
		model.addAttribute("scores",
				part("scores", () -> scores.figures(from.toString(), to.toString(), List.of(own), Map.of())));
		model.addAttribute("improvements", part("improvements",
				() -> improvements.list(null).stream().limit(IMPROVEMENTS_SHOWN).toList()));
		return "portal/scorecard";
	}

	private static <T> T part(String name, Supplier<T> read) {
		try {
			return read.get();
		}
		catch (RemoteUnavailableException ex) {
			log.warn("Scorecard without {}: {}", name, ex.getMessage());
			return null;
		}
	}
}
