package com.rapport.systemtests;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Growing each customer on the demo data: customer-service computes each organisation's lifetime value, churn risk
 * and reorders from the orders order-tracking-service relays (and reads order lines, tickets and scores back over
 * gRPC as a service); the console shows a customer drifting away, a regular buyer due to reorder and the value by
 * segment.
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
}
