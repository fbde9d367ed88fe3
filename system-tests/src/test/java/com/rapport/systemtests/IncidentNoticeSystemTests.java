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
