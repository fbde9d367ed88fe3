package com.rapport.systemtests;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An incident notice end to end: a manager picks the demo's LED desk lamps (Globex's orders) in the console
 * (Chromium, through the gateway and portal-web to order-tracking-service), sees the preview, sends, and Globex's
 * contact receives the mail in the mail catcher, through customer-service's contacts and the notification
 * pipeline; then a customer finds an order by its number in the portal's search.
 */
@ExtendWith(RunningPlatform.class)
class IncidentNoticeSystemTests {

	private static final String GAVIN = "gavin.wu@globex.example";

	@Test
	void aManagersIncidentNoticeForADemoSkuReachesTheContactsMailbox() throws Exception {
		String marker = "Lamp driver batch " + UUID.randomUUID().toString().substring(0, 8);
		try (Browser manager = Browser.open().login("manager.wang", "manager-demo-26")) {
			manager.go("/console/incidents/new");
			manager.driver.findElement(By.cssSelector("input[name=kind][value=SKU]")).click();
			manager.driver.findElement(By.id("sku")).sendKeys("LAMP-LED-02");
			manager.driver.findElement(By.id("cause")).sendKeys(marker + " may flicker after some hours.");
			manager.driver.findElement(By.id("action")).sendKeys("We send a replacement driver for every lamp.");
			manager.driver.findElement(By.cssSelector("button.incident-preview-button")).click();
			manager.waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".incident-counts")));
			assertThat(manager.text(By.cssSelector("tr.incident-organisation[data-organisation=globex-trading]")))
				.contains("Globex Trading");
			manager.driver.findElement(By.cssSelector("button.incident-send")).click();
			manager.waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".incident-sent")));
			List<WebElement> rows = manager.driver.findElements(By.cssSelector("tr.incident-row"));
			assertThat(rows).isNotEmpty();
			assertThat(rows.get(0).getText()).contains(marker).contains("LAMP-LED-02");
		}
		String mail = MailCatcher.awaitMail(GAVIN, text -> text.contains(marker));
		assertThat(mail).as("the incident notice in " + GAVIN + "'s mailbox").isNotNull();
		assertThat(mail).contains("Subject: Notice about").contains("The product concerned (SKU): LAMP-LED-02")
			.contains("We send a replacement driver for every lamp.").contains("GLX-7001");
	}

	/**
	 * Staff follow an order from the customer 360 to the console's order page (issue 12, session 14): the demo's late
	 * ACME-1016 with its reason and remedy, and its notification log, which the fan-out fills after start-up: Bo
	 * Zhang's SMS (he prefers SMS) and Alice Chen's portal inbox item (she turned email off). The page fits a phone in
	 * both languages.
	 */
	@Test
	void staffFollowAnOrderFromThe360ToItsNotificationLog() throws Exception {
		try (Browser agent = Browser.open().login("agent.li", "agent-demo-26")) {
			agent.go("/console/organisations/acme-retail");
			agent.driver.findElement(By.cssSelector("tr.order-row[data-order-number=ACME-1016] a.console-order-link"))
				.click();
			agent.waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("main.console-order")));
			String page = agent.driver.getCurrentUrl();
			assertThat(page).endsWith("/console/orders/acme-retail/ACME-1016");
			assertThat(agent.text(By.cssSelector("h1"))).isEqualTo("Order ACME-1016");
			assertThat(agent.text(By.cssSelector(".delay-remedy"))).contains("a partial shipment");
			assertThat(agent.driver.findElements(By.cssSelector("form.delay-form"))).hasSize(1);

			long until = System.currentTimeMillis() + 60_000;
			List<String> channels = channels(agent);
			while (!(channels.contains("SMS") && channels.contains("INBOX")) && System.currentTimeMillis() < until) {
				Thread.sleep(2_000);
				agent.driver.get(page);
				channels = channels(agent);
			}
			assertThat(channels).as("the channels of ACME-1016's notification log").contains("SMS", "INBOX");
			assertThat(agent.text(By.cssSelector("tr.notification-row[data-channel=SMS]"))).contains("Bo Zhang");
			assertThat(agent.driver.findElements(By.cssSelector("tr.notification-row[data-channel=INBOX]")))
				.extracting(WebElement::getText).anySatisfy(row -> assertThat(row).contains("Alice Chen", "Portal inbox"));

			agent.asPhone();
			for (String language : List.of("en", "zh-CN")) {
				agent.driver.get(page + "?lang=" + language);
				agent.waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("table.notification-log")));
				assertThat(agent.sidewaysOverflow()).as("sideways overflow at 390 px in " + language).isZero();
			}
			assertThat(agent.text(By.cssSelector("h1"))).isEqualTo("订单 ACME-1016");
		}
	}

	private static List<String> channels(Browser browser) {
		return browser.driver.findElements(By.cssSelector("tr.notification-row")).stream()
			.map(row -> row.getAttribute("data-channel")).toList();
	}

	@Test
	void aCustomerFindsAnOrderByItsNumberInThePortal() {
		try (Browser customer = Browser.open().login("acme.buyer", "acme-demo-26")) {
			customer.go("/portal?number=ACME-1016");
			customer.waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("form.order-search")));
			assertThat(customer.driver.findElements(By.cssSelector("tr.order-row")))
				.extracting(row -> row.getAttribute("data-order-number")).containsExactly("ACME-1016");
			// The demo's chairs among ACME-101x, newest first (ACME-1013, 1014 and 1016 are desks and shelves).
			customer.go("/portal?number=ACME-101&sku=CHAIR-ERG-01");
			assertThat(customer.driver.findElements(By.cssSelector("tr.order-row")))
				.extracting(row -> row.getAttribute("data-order-number"))
				.containsExactly("ACME-1012", "ACME-1011", "ACME-1010", "ACME-1015");
		}
	}
}
