package com.rapport.systemtests;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Growing each customer on the demo data: customer-service computes each organisation's lifetime value, churn risk
 * and reorders from the orders order-tracking-service relays (and reads order lines, tickets and scores back over
 * gRPC as a service); the console shows a customer drifting away, a regular buyer due to reorder and the value by
 * segment; Alice Chen (acme.buyer), who turned reorder reminders on, gets the reminder mail, orders as last time with
 * one click in the portal, and the partner system confirms the draft into a placed order.
 */
@ExtendWith(RunningPlatform.class)
class GrowthSystemTests {

	@Test
	void theDemoShowsACustomerDriftingAwayABuyerDueToReorderAndTheValueBySegment() throws InterruptedException {
		try (Browser browser = Browser.open().login("manager.wang", "manager-demo-26")) {
			// The figures follow the demo orders order-tracking-service relays (outbox, every few seconds).
			String atRisk = "";
			for (int attempt = 0; attempt < 60 && !atRisk.contains("Stark Components"); attempt++) {
				browser.go("/console/at-risk");
				atRisk = browser.text(By.tagName("main"));
				if (!atRisk.contains("Stark Components")) {
					Thread.sleep(1000);
				}
			}
			// Stark Components ordered hinges every 60 days or so and nothing for 120.
			assertThat(atRisk).contains("Stark Components")
				.contains("No order for 120 days, where it usually orders every 60 days (+40)");

			String reorders = "";
			for (int attempt = 0; attempt < 30 && !reorders.contains("CHAIR-ERG-01"); attempt++) {
				browser.go("/console/organisations/acme-retail");
				reorders = browser.driver.findElements(By.cssSelector("ul.reorders")).stream().map(WebElement::getText)
					.findFirst().orElse("");
				if (!reorders.contains("CHAIR-ERG-01")) {
					Thread.sleep(1000);
				}
			}
			// Acme Retail's chairs, about every 30 days, the latest 20 days ago: due within the 14 days' lead.
			assertThat(reorders).contains("CHAIR-ERG-01").contains("about every 30 days")
				.contains("due: the account manager has a task");
			assertThat(browser.text(By.cssSelector(".value-historical"))).startsWith("CNY ");
			assertThat(browser.text(By.cssSelector(".value-inputs"))).contains("average order").contains("× 3 years");
			assertThat(browser.text(By.cssSelector(".risk-score"))).contains("/ 100");

			browser.go("/console/growth?segment=tier");
			assertThat(browser.driver.findElements(By.cssSelector("tr.segment-row .segment-key")).stream()
				.map(WebElement::getText).toList()).contains("VIP", "Key", "Normal");
			assertThat(browser.text(By.cssSelector(".total-organisations"))).isNotEqualTo("0");
		}
	}

	static final String ALICE = "alice.chen@acme-retail.example";

	static final Pattern LINK = Pattern.compile("/portal/reorder/([A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+)");

	@Test
	void aReminderMailsLinkMakesOneDraftAsLastTimeWhichThePartnerConfirmsIntoAnOrder() throws Exception {
		// The demo's due reorder (Acme's chairs) opened its task and mailed Alice, who opted in, in Chinese.
		String mail = MailCatcher.awaitMail(ALICE, text -> LINK.matcher(text).find());
		assertThat(mail).as("the reorder reminder in " + ALICE + "'s mailbox").isNotNull();
		assertThat(mail).contains("Auto-Submitted: auto-generated").contains("Content-Language: zh-CN");
		Matcher link = LINK.matcher(mail);
		assertThat(link.find()).isTrue();
		String token = link.group(1);

		String draftNumber;
		try (Browser browser = Browser.open().asPhone().login("acme.buyer", "acme-demo-26")) {
			// A forged link (its signature cut) says so and offers nothing.
			browser.go("/portal/reorder/" + token.substring(0, token.length() - 3));
			assertThat(browser.driver.findElement(By.tagName("main")).getAttribute("data-state")).isEqualTo("invalid");
			assertThat(browser.driver.findElements(By.id("confirm-reorder"))).isEmpty();

			browser.go("/portal/reorder/" + token);
			assertThat(browser.driver.findElement(By.tagName("main")).getAttribute("data-state")).isEqualTo("valid");
			assertThat(browser.text(By.cssSelector(".reorder-product"))).contains("CHAIR-ERG-01");
			assertThat(browser.sidewaysOverflow()).as("the link's page at 390 px").isZero();
			browser.driver.findElement(By.id("confirm-reorder")).click();
			browser.waitFor(d -> "made".equals(d.findElement(By.tagName("main")).getAttribute("data-state")));
			Matcher number = Pattern.compile("RO-\\d{8}-\\d{6}").matcher(browser.text(By.id("made")));
			assertThat(number.find()).isTrue();
			draftNumber = number.group();

			// The link is single use: followed again it names the draft and makes nothing.
			browser.go("/portal/reorder/" + token);
			assertThat(browser.driver.findElement(By.tagName("main")).getAttribute("data-state")).isEqualTo("used");
			assertThat(browser.text(By.id("used"))).contains(draftNumber);

			for (String path : List.of("/portal/reorders?lang=en", "/portal/reorders?lang=zh-CN")) {
				browser.go(path);
				assertThat(browser.sidewaysOverflow()).as("sideways overflow of %s at 390 px", path).isZero();
			}
			browser.go("/portal/reorders?lang=en");
			assertThat(browser.text(By.cssSelector("tr.reorder-row[data-sku='CHAIR-ERG-01']")))
				.contains("Draft " + draftNumber + " made");
			assertThat(browser.text(By.cssSelector("tr.draft-row[data-draft='" + draftNumber + "']")))
				.contains("Waiting for our confirmation");
		}

		// The partner system sees the draft and confirms it, once.
		Partner partner = Partner.demo();
		HttpResponse<String> waiting = partner.get("/api/orders/v1/drafts?customerId=acme-retail&status=DRAFT");
		assertThat(waiting.statusCode()).isEqualTo(200);
		List<String> numbers = JsonPath.read(waiting.body(), "$.items[*].draftNumber");
		assertThat(numbers).contains(draftNumber);
		List<Integer> quantities = JsonPath.read(waiting.body(),
				"$.items[?(@.draftNumber == '" + draftNumber + "')].lines[0].quantity");
		String orderNumber = "PO-" + draftNumber.substring(3);
		String body = "{\"orderNumber\": \"" + orderNumber + "\"}";
		String key = "confirm-" + draftNumber;
		HttpResponse<String> confirmed = partner.post("/api/orders/v1/drafts/" + draftNumber + "/confirmation", body,
				key);
		assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(200);
		assertThat((String) JsonPath.read(confirmed.body(), "$.status")).isEqualTo("CONFIRMED");
		String orderId = JsonPath.read(confirmed.body(), "$.orderId");
		HttpResponse<String> replayed = partner.post("/api/orders/v1/drafts/" + draftNumber + "/confirmation", body,
				key);
		assertThat(replayed.statusCode()).isEqualTo(200);
		assertThat(replayed.headers().firstValue("Idempotent-Replayed")).hasValue("true");
		HttpResponse<String> again = partner.post("/api/orders/v1/drafts/" + draftNumber + "/confirmation", body,
				key + "-2");
		assertThat(again.statusCode()).isEqualTo(409);
		assertThat(again.headers().firstValue("Content-Type")).hasValueSatisfying(
				type -> assertThat(type).startsWith("application/problem+json"));
		assertThat(partner.post("/api/orders/v1/drafts/RO-19990101-000000/confirmation", "{}", null).statusCode())
			.isEqualTo(404);

		HttpResponse<String> order = partner.get("/api/orders/v1/orders/" + orderId);
		assertThat(order.statusCode()).isEqualTo(200);
		assertThat((String) JsonPath.read(order.body(), "$.orderNumber")).isEqualTo(orderNumber);
		assertThat((String) JsonPath.read(order.body(), "$.lines[0].sku")).isEqualTo("CHAIR-ERG-01");
		assertThat((Integer) JsonPath.read(order.body(), "$.lines[0].quantity")).isEqualTo(quantities.get(0));

		try (Browser browser = Browser.open().login("acme.buyer", "acme-demo-26")) {
			browser.go("/portal/reorders?lang=en");
			assertThat(browser.text(By.cssSelector("tr.draft-row[data-draft='" + draftNumber + "']")))
				.contains("Confirmed: order " + orderNumber);
		}
	}
}
