package com.rapport.benchmarks.tickets;

import java.net.http.HttpResponse;
import java.util.List;

import com.rapport.benchmarks.harness.BrowserSession;
import com.rapport.benchmarks.harness.Load;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The console's ticket queue as staff open it ({@code /console/tickets}, portal-web, which asks ticket-service's
 * {@code ListTickets} over gRPC), one view, each call by the next of the signed-in staff in turn (agent.li and
 * manager.wang by default: "mine" differs between them). A page counts when it answers {@code 200} with the queue's
 * total and at least one ticket row (a {@code 302} to the login, a {@code 503} from a breaker are failures).
 */
record QueuePage(List<BrowserSession> staff, String path) implements Load.Call {

	static final String QUEUE = "/console/tickets";

	@Override
	public HttpResponse<String> send(int index) {
		return staff.get(index % staff.size()).get(path);
	}

	@Override
	public String check(int index, HttpResponse<String> response) {
		if (response.statusCode() != 200) {
			return "HTTP " + response.statusCode();
		}
		Document page = Jsoup.parse(response.body());
		if (page.selectFirst(".queue-total") == null) {
			return "not the console's queue";
		}
		return page.selectFirst("tr.ticket-row") == null ? "no ticket in the queue" : null;
	}

	/** The queue's total as the page says it ({@code 2,007 tickets}), or -1 when the page has none. */
	static long total(String html) {
		Element total = Jsoup.parse(html).selectFirst(".queue-total");
		if (total == null) {
			return -1;
		}
		String digits = total.text().replaceAll("\\D", "");
		return digits.isEmpty() ? 0 : Long.parseLong(digits);
	}
}
