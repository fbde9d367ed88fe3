package com.rapport.systemtests;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The loyalty programme on the demo data: Acme Retail's delivered demo orders (relayed by order-tracking-service)
 * earn points in customer-service; a contact redeems a reward in the portal in Chromium and the balance drops by its
 * cost, on a phone-sized page; the partner API reads the same balance and adjusts it once per Idempotency-Key; the
 * manager sees the catalogue and the 360 the points.
 */
@ExtendWith(RunningPlatform.class)
class LoyaltySystemTests {

	private static long number(String text) {
		return Long.parseLong(text.replace(",", "").replace("+", "").strip());
	}

	@Test
	void aContactOfAcmeRedeemsARewardInThePortalAndTheBalanceDrops() throws InterruptedException {
		try (Browser browser = Browser.open().login("acme.buyer", "acme-demo-26").asPhone()) {
			// The points follow the demo deliveries order-tracking-service relays (outbox, every few seconds): wait
			// until they have all arrived (the same balance twice, two seconds apart).
			long balance = -1;
			long previous = -2;
			for (int attempt = 0; attempt < 60 && (balance < 500 || balance != previous); attempt++) {
				previous = balance;
				Thread.sleep(2000);
				browser.go("/portal/loyalty");
				balance = number(browser.text(By.cssSelector(".loyalty-balance")));
			}
			assertThat(balance).as("Acme Retail's delivered demo orders earned points").isGreaterThanOrEqualTo(500);
			assertThat(browser.driver.findElements(By.cssSelector("tr.ledger-row[data-kind=EARNED]"))).isNotEmpty();
			assertThat(browser.sidewaysOverflow()).as("the page fits a phone").isZero();

			browser.driver.findElement(By.cssSelector("tr[data-reward=free-shipping] button.redeem")).click();
			browser.waitFor(ExpectedConditions.urlContains("redeemed=free-shipping"));

			assertThat(browser.text(By.id("notice"))).startsWith("Redeemed: Free shipping on the next order.");
			List<WebElement> rows = browser.driver.findElements(By.cssSelector("tr.ledger-row"));
			assertThat(rows.get(0).getAttribute("data-kind")).isEqualTo("REDEEMED");
			assertThat(number(rows.get(0).findElement(By.cssSelector(".ledger-points")).getText())).isEqualTo(-500);
			long after = number(rows.get(0).findElement(By.cssSelector(".ledger-balance")).getText());
			long before = number(rows.get(1).findElement(By.cssSelector(".ledger-balance")).getText());
			assertThat(before).isEqualTo(balance);
			assertThat(after).isEqualTo(balance - 500);
			assertThat(number(browser.text(By.cssSelector(".loyalty-balance")))).isEqualTo(after);
			assertThat(browser.sidewaysOverflow()).isZero();

			Partner partner = Partner.demo();
			var account = partner.get("/api/customers/v1/organisations/acme-retail/loyalty");
			assertThat(account.statusCode()).isEqualTo(200);
			assertThat(account.body()).contains("\"balance\":" + after);
			String goodwill = "{\"points\": 250, \"reason\": \"Goodwill for a late delivery\"}";
			var first = partner.post("/api/customers/v1/organisations/acme-retail/loyalty/adjustments", goodwill,
					"system-test-goodwill-" + System.nanoTime());
			assertThat(first.statusCode()).isEqualTo(201);
			String key = "system-test-goodwill-" + System.nanoTime();
			partner.post("/api/customers/v1/organisations/acme-retail/loyalty/adjustments", goodwill, key);
			var again = partner.post("/api/customers/v1/organisations/acme-retail/loyalty/adjustments", goodwill, key);
			assertThat(again.statusCode()).isEqualTo(201);
			assertThat(again.headers().firstValue("Idempotent-Replayed")).hasValue("true");
			browser.go("/portal/loyalty");
			assertThat(number(browser.text(By.cssSelector(".loyalty-balance")))).isEqualTo(after + 500);
		}
		try (Browser manager = Browser.open().login("manager.wang", "manager-demo-26")) {
			manager.go("/console/loyalty");
			assertThat(manager.driver.findElements(By.cssSelector("tr.catalogue-row")).stream()
				.map(row -> row.getAttribute("data-reward")).toList()).contains("free-shipping", "credit-note-1000");
			manager.go("/console/organisations/acme-retail");
			assertThat(number(manager.text(By.cssSelector("dl.loyalty-points .loyalty-balance")))).isPositive();
		}
	}
}
