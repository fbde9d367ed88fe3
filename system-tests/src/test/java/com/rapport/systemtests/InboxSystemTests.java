package com.rapport.systemtests;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The portal inbox and notification settings as contacts live them (issue 12): a partner ships an order of Acme,
 * order-tracking-service's fan-out asks customer-service for Acme's contacts and puts the news in Alice's inbox
 * (acme.buyer, whose demo settings want shipments but no email), the header of every portal page counts it
 * unread, she reads it, and Gavin of Globex never sees it. Both pages fit a phone. Receivables: a partner's invoice
 * through the gateway is on Alice's invoices page and its courteous reminder reaches her mailbox in the mail catcher;
 * Bo Zhang, who prefers SMS, finds the demo's delay of ACME-1016 among the fake SMS provider's messages.
 */
@ExtendWith(RunningPlatform.class)
class InboxSystemTests {

	static String orderNumber;

	@BeforeAll
	static void partnerShipsAnOrderOfAcme() {
		orderNumber = Partner.newOrderNumber();
		Partner partner = Partner.demo();
		HttpResponse<String> order = partner.postOrder(Partner.orderJson("acme-retail", orderNumber),
				"inbox-" + orderNumber);
		assertThat(order.statusCode()).as(order.body()).isEqualTo(201);
		String shipped = """
				{"customerId": "acme-retail", "eventId": "inbox-%s", "code": "SHIPPED", "occurredAt": "%s",
				 "place": "Shenzhen", "carrier": "SF Express", "trackingNumber": "SF-INBOX"}
				""".formatted(orderNumber, Instant.now().minus(5, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS));
		HttpResponse<String> milestone = partner.post("/api/orders/v1/orders/" + orderNumber + "/milestones", shipped,
				"inbox-shipped-" + orderNumber);
		assertThat(milestone.statusCode()).as(milestone.body()).isEqualTo(201);
	}

	/** The inbox once the fan-out (every second) has put the shipment in it. */
	private static WebElement shipmentIn(Browser browser) throws InterruptedException {
		Instant until = Instant.now().plus(Duration.ofSeconds(30));
		while (Instant.now().isBefore(until)) {
			browser.go("/portal/inbox?lang=en");
			List<WebElement> items = browser.driver.findElements(By.cssSelector(".inbox-item"));
			for (WebElement item : items) {
				if (item.getText().contains("Order " + orderNumber + ": Shipped")) {
					return item;
				}
			}
			Thread.sleep(1000);
		}
		throw new AssertionError("The shipment of " + orderNumber + " did not reach Alice's inbox");
	}

	private static long headerCount(Browser browser) {
		List<WebElement> count = browser.driver.findElements(By.cssSelector("header .nav-inbox .unread-count"));
		return count.isEmpty() ? 0 : Long.parseLong(count.get(0).getText());
	}

	@Test
	void theShipmentReachesAlicesInboxUnreadAndTheHeaderCountsItUntilSheReadsIt() throws Exception {
		try (Browser browser = Browser.open().login("acme.buyer", "acme-demo-26")) {
			WebElement item = shipmentIn(browser);
			assertThat(item.getAttribute("class")).contains("unread");
			assertThat(item.getText()).contains("Shenzhen");
			// The production steps before it (placed, confirmed) are not among her chosen topics.
			assertThat(browser.driver.findElement(By.cssSelector(".inbox-list")).getText())
				.doesNotContain("Order " + orderNumber + ": Confirmed");

			browser.go("/portal?lang=en");
			long before = headerCount(browser);
			assertThat(before).isPositive();

			browser.go("/portal/inbox");
			shipmentIn(browser).findElement(By.cssSelector("form.mark-read button")).click();
			browser.waitFor(ExpectedConditions.urlContains("/portal/inbox?page=0"));
			browser.go("/portal/profile");
			assertThat(headerCount(browser)).isEqualTo(before - 1);

			browser.go("/portal/inbox");
			browser.driver.findElement(By.cssSelector("#mark-all button")).click();
			browser.waitFor(ExpectedConditions.urlContains("marked="));
			assertThat(browser.driver.findElements(By.cssSelector(".inbox-item.unread"))).isEmpty();
			assertThat(headerCount(browser)).isZero();
		}
	}

	@Test
	void gavinOfGlobexNeverSeesAcmesNewsAndAnUnknownItemIsNotFound() {
		try (Browser browser = Browser.open().login("globex.buyer", "globex-demo-26")) {
			browser.go("/portal/inbox");
			assertThat(browser.driver.getPageSource()).doesNotContain(orderNumber).doesNotContain("ACME-");
			// His own demo news is there: the shipment of GLX-7001.
			assertThat(browser.text(By.cssSelector(".inbox-list"))).contains("GLX-7001");
			browser.go("/portal/notification-settings");
			assertThat(browser.driver.findElement(By.id("defaults")).getText()).startsWith("You have not chosen yet");
		}
	}

	@Test
	void alicesSettingsAreHerOwnAndBothPagesFitAPhone() {
		try (Browser browser = Browser.open().asPhone().login("acme.buyer", "acme-demo-26")) {
			browser.go("/portal/notification-settings?lang=en");
			assertThat(browser.driver.findElements(By.id("defaults"))).isEmpty();
			assertThat(browser.driver.findElement(By.cssSelector("input[name=topics][value=PROGRESS]")).isSelected())
				.isFalse();
			assertThat(browser.driver.findElement(By.cssSelector("input[name=topics][value=DELAYS]")).isSelected())
				.isTrue();
			assertThat(browser.driver.findElement(By.id("quietFrom")).getAttribute("value")).isEqualTo("22:00");
			assertThat(browser.driver.findElement(By.id("quietUntil")).getAttribute("value")).isEqualTo("07:30");
			for (String path : List.of("/portal/inbox", "/portal/notification-settings", "/portal/inbox?lang=zh-CN",
					"/portal/notification-settings")) {
				browser.go(path);
				assertThat(browser.sidewaysOverflow()).as("sideways overflow of %s at 390 px", path).isZero();
				assertThat(browser.withinWidth(By.cssSelector("form.logout button")))
					.as("the whole sign-out button is visible on %s", path).isTrue();
			}
		}
	}

	@Test
	void aPartnersInvoiceIsOnThePortalAndItsCourteousReminderReachesTheMailbox() throws Exception {
		String invoiceNumber = "INV-" + orderNumber;
		LocalDate due = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(2);
		String invoice = """
				{"customerId": "acme-retail", "invoiceNumber": "%s", "orderNumber": "%s",
				 "amount": {"currency": "CNY", "amount": 4321.50}, "dueDate": "%s"}
				""".formatted(invoiceNumber, orderNumber, due);
		Partner partner = Partner.demo();
		HttpResponse<String> stored = partner.post("/api/orders/v1/invoices", invoice, "invoice-" + orderNumber);
		assertThat(stored.statusCode()).as(stored.body()).isEqualTo(201);
		HttpResponse<String> replayed = partner.post("/api/orders/v1/invoices", invoice, "invoice-" + orderNumber);
		assertThat(replayed.statusCode()).isEqualTo(201);
		assertThat(replayed.headers().firstValue("Idempotent-Replayed")).hasValue("true");

		try (Browser browser = Browser.open().asPhone().login("acme.buyer", "acme-demo-26")) {
			browser.go("/portal/invoices?lang=en");
			assertThat(browser.text(By.cssSelector(".invoice-list"))).contains(invoiceNumber, "CNY 4,321.50",
					"Due in 2 days");
			for (String path : List.of("/portal/invoices", "/portal/invoices?lang=zh-CN")) {
				browser.go(path);
				assertThat(browser.sidewaysOverflow()).as("sideways overflow of %s at 390 px", path).isZero();
				assertThat(browser.withinWidth(By.cssSelector("form.logout button")))
					.as("the whole sign-out button is visible on %s", path).isTrue();
			}
		}
		try (Browser browser = Browser.open().login("globex.buyer", "globex-demo-26")) {
			browser.go("/portal/invoices");
			assertThat(browser.driver.getPageSource()).doesNotContain(invoiceNumber);
		}

		String reminder = MailCatcher.awaitMail("alice.chen@acme-retail.example",
				text -> text.contains("X-Rapport-Invoice: " + invoiceNumber));
		assertThat(reminder).as("the courteous reminder of %s in Alice's mailbox", invoiceNumber).isNotNull();
		assertThat(reminder).contains("Auto-Submitted: auto-generated", "Content-Language: zh-CN");
	}

	@Test
	void boWhoPrefersSmsFindsTheDelayOfAcme1016AmongTheFakeProvidersMessages() throws Exception {
		String received = null;
		for (int attempt = 0; attempt < 60 && (received == null || !received.contains("ACME-1016")); attempt++) {
			received = Partner.anonymous(HttpRequest.newBuilder(URI.create(
					"http://localhost:8026/messages?to=%2B862155550102"))).body();
			Thread.sleep(1_000);
		}
		assertThat(received).contains("ACME-1016").contains("\"received\": 1");
	}
}
