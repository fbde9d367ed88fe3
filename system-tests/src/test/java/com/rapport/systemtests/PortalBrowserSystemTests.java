package com.rapport.systemtests;

import java.net.http.HttpResponse;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.support.ui.ExpectedConditions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The walking skeleton's slice as people live it: a partner pushes an order, the customer's contact
 * logs in on Keycloak and follows it in the portal (portal-web → gRPC → order-tracking-service → gRPC →
 * customer-service), another customer cannot see it, and an agent sees the console.
 */
@ExtendWith(RunningPlatform.class)
class PortalBrowserSystemTests {

	static String orderNumber;

	static String orderId;

	@BeforeAll
	static void partnerPushesAnOrderForAcme() {
		orderNumber = Partner.newOrderNumber();
		HttpResponse<String> response = Partner.demo().postOrder(Partner.orderJson("acme-retail", orderNumber),
				"portal-" + orderNumber);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		orderId = JsonPath.read(response.body(), "$.id");
	}

	@Test
	void acmeContactSeesThePartnersOrderWithItsMilestones() {
		try (Browser browser = Browser.open().login("acme.buyer", "acme-demo-26")) {
			assertThat(browser.driver.getCurrentUrl()).endsWith("/portal");
			WebElement row = browser.driver
				.findElement(By.cssSelector("tr.order-row[data-order-number='" + orderNumber + "']"));
			assertThat(row.getText()).contains(orderNumber).contains("Confirmed").contains("CNY 12,500.00");
			assertThat(browser.text(By.cssSelector("main p.muted"))).contains("Acme Retail");

			row.findElement(By.linkText(orderNumber)).click();
			browser.waitFor(ExpectedConditions.urlContains("/portal/orders/" + orderId));
			assertThat(browser.text(By.tagName("h1"))).contains(orderNumber);
			// The organisation's name is not stored with the order: it came from customer-service over gRPC.
			assertThat(browser.text(By.cssSelector(".customer-name"))).isEqualTo("Acme Retail");
			List<String> reached = browser.driver.findElements(By.cssSelector("ol.milestones li.reached")).stream()
				.map(li -> li.getAttribute("data-milestone")).toList();
			assertThat(reached).containsExactly("MILESTONE_CODE_PLACED", "MILESTONE_CODE_CONFIRMED");
			assertThat(browser.text(By.cssSelector("ol.milestones"))).contains("Confirmed by the plant")
				.contains("In production");
		}
	}

	/**
	 * Issue 12's live portal: Acme's contact has the order list open in one tab and the order's page in another;
	 * the partner posts a shipment through the gateway, and both pages show it without being reloaded (server-sent
	 * events through the gateway, fed by order-tracking-service's stream), as does the header's unread count (Alice's
	 * settings put shipments into her inbox). It runs right after the phone test, whose five live pages as Alice
	 * portal-web still counted as open when this one began: her newest pages were refused then (portal-web README,
	 * Live pages).
	 */
	@Test
	void anOpenOrderPageAndOrderListShowANewMilestoneWithoutAReload() {
		String number = Partner.newOrderNumber();
		HttpResponse<String> created = Partner.demo().postOrder(Partner.orderJson("acme-retail", number), "live-" + number);
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		String id = JsonPath.read(created.body(), "$.id");
		try (Browser browser = Browser.open().login("acme.buyer", "acme-demo-26")) {
			JavascriptExecutor page = (JavascriptExecutor) browser.driver;
			String listTab = browser.driver.getWindowHandle();
			page.executeScript("window.notReloaded = true;");
			browser.driver.switchTo().newWindow(WindowType.TAB);
			browser.go("/portal/orders/" + id);
			page.executeScript("window.notReloaded = true;");
			List<WebElement> badge = browser.driver.findElements(By.cssSelector("a.nav-inbox .unread-count"));
			int unreadBefore = badge.isEmpty() ? 0 : Integer.parseInt(badge.get(0).getText());
			// Let both pages' streams open before the partner writes (what comes between is replayed anyway).
			sleep(1500);

			String milestone = "{\"customerId\": \"acme-retail\", \"eventId\": \"live-" + number + "\", \"code\": \"SHIPPED\", "
					+ "\"occurredAt\": \"" + java.time.Instant.now().minusSeconds(5) + "\", \"place\": \"Shenzhen\", "
					+ "\"carrier\": \"SF Express\", \"trackingNumber\": \"SF-LIVE-1\"}";
			HttpResponse<String> shipped = Partner.demo().post("/api/orders/v1/orders/" + number + "/milestones", milestone,
					"live-ship-" + number);
			assertThat(shipped.statusCode()).as(shipped.body()).isEqualTo(201);

			browser.waitFor(ExpectedConditions.presenceOfElementLocated(
					By.cssSelector("ol.milestones li.reached[data-milestone='MILESTONE_CODE_SHIPPED']")));
			assertThat(browser.text(By.cssSelector("ol.milestones"))).contains("SF Express SF-LIVE-1");
			assertThat(page.executeScript("return window.notReloaded === true;")).isEqualTo(true);
			assertThat(browser.driver.findElement(By.cssSelector(".live-status")).isDisplayed()).isTrue();
			browser.waitFor(driver -> {
				List<WebElement> count = driver.findElements(By.cssSelector("a.nav-inbox .unread-count"));
				return !count.isEmpty() && Integer.parseInt(count.get(0).getText()) > unreadBefore;
			});

			browser.driver.switchTo().window(listTab);
			browser.waitFor(driver -> driver.findElement(By.cssSelector("tr.order-row[data-order-number='" + number + "']"))
				.getText().contains("Shipped"));
			assertThat(page.executeScript("return window.notReloaded === true;")).isEqualTo(true);
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Test
	void globexContactDoesNotSeeAcmesOrderAndItsAddressAnswers404() {
		try (Browser browser = Browser.open().login("globex.buyer", "globex-demo-26")) {
			assertThat(browser.driver.getPageSource()).doesNotContain(orderNumber);
			assertThat(browser.driver.findElements(By.cssSelector("tr.order-row")))
				.extracting(row -> row.getAttribute("data-order-number"))
				.allSatisfy(number -> assertThat(number).startsWith("GLX-"));

			assertThat(browser.status("/portal/orders/" + orderId)).isEqualTo(404);
			browser.go("/portal/orders/" + orderId);
			assertThat(browser.text(By.tagName("h1"))).isEqualTo("Not found");
			assertThat(browser.driver.getPageSource()).doesNotContain(orderNumber).doesNotContain("Acme");
		}
	}

	@Test
	void agentSeesTheConsoleListingTheOrganisations() {
		try (Browser browser = Browser.open().login("agent.li", "agent-demo-26")) {
			assertThat(browser.driver.getCurrentUrl()).endsWith("/console");
			List<String> names = browser.driver.findElements(By.cssSelector(".organisation-name")).stream()
				.map(WebElement::getText).toList();
			assertThat(names).contains("Acme Retail", "Globex Trading");
			assertThat(browser.status("/portal")).isEqualTo(403);
		}
	}

	@Test
	void customerCannotOpenTheConsole() {
		try (Browser browser = Browser.open().login("acme.buyer", "acme-demo-26")) {
			assertThat(browser.status("/console")).isEqualTo(403);
		}
	}

	@Test
	void signingOutEndsTheKeycloakSessionToo() {
		try (Browser browser = Browser.open().login("acme.buyer", "acme-demo-26")) {
			browser.driver.findElement(By.cssSelector("form.logout button")).click();
			browser.go("/portal");
			// Keycloak asks for the password again: its own session ended, not only the gateway's.
			browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.id("kc-form-login")));
		}
	}

	@Test
	void aContactChangesHowWeReachThemAndTheChangeIsKept() {
		try (Browser browser = Browser.open().login("globex.buyer", "globex-demo-26")) {
			browser.go("/portal/profile");
			// A long list: chosen as a keyboard user would, by typing into the focused select.
			browser.driver.findElement(By.id("timeZone")).sendKeys("Europe/Berlin");
			String channelBefore = browser.driver.findElement(By.cssSelector("input[name=channel]:checked"))
				.getAttribute("value");
			browser.driver.findElement(By.cssSelector("input[name=channel][value=PORTAL]")).click();
			WebElement surveys = browser.driver.findElement(By.cssSelector("input[name=surveys]"));
			boolean surveysBefore = surveys.isSelected();
			surveys.click();
			browser.driver.findElement(By.cssSelector(".profile-form button")).click();
			browser.waitFor(ExpectedConditions.urlContains("saved"));
			assertThat(browser.text(By.cssSelector(".notice.saved"))).startsWith("Saved.");

			// Read back from customer-service, not from the form just sent.
			browser.go("/portal/profile");
			assertThat(browser.driver.findElement(By.cssSelector("#timeZone option[selected]")).getAttribute("value"))
				.isEqualTo("Europe/Berlin");
			assertThat(browser.driver.findElement(By.cssSelector("input[name=channel][value=PORTAL]")).isSelected())
				.isTrue();
			assertThat(browser.driver.findElement(By.cssSelector("input[name=surveys]")).isSelected())
				.isNotEqualTo(surveysBefore);

			// Gavin as he was: other tests mail him (a PORTAL contact's survey invitations wait in the portal instead).
			browser.driver.findElement(By.cssSelector("input[name=channel][value=" + channelBefore + "]")).click();
			browser.driver.findElement(By.cssSelector("input[name=surveys]")).click();
			browser.driver.findElement(By.cssSelector(".profile-form button")).click();
			browser.waitFor(ExpectedConditions.urlContains("saved"));
			assertThat(browser.driver.findElement(By.cssSelector("input[name=surveys]")).isSelected())
				.isEqualTo(surveysBefore);
		}
	}

	@Test
	void portalSpeaksChinese() {
		try (Browser browser = Browser.open().login("acme.buyer", "acme-demo-26")) {
			browser.go("/portal?lang=zh-CN");
			assertThat(browser.text(By.tagName("h1"))).isEqualTo("我的订单");
			browser.go("/portal");
			assertThat(browser.text(By.tagName("h1"))).as("the choice is remembered").isEqualTo("我的订单");
		}
	}

	@Test
	void everyPortalPageFitsAPhoneWithoutSidewaysScrolling() {
		try (Browser browser = Browser.open().asPhone().login("acme.buyer", "acme-demo-26")) {
			for (String path : List.of("/portal", "/portal/orders/" + orderId, "/portal/organisation",
					"/portal/profile", "/portal?lang=zh-CN", "/portal/orders/" + orderId)) {
				browser.go(path);
				assertThat(browser.sidewaysOverflow()).as("sideways overflow of %s at 390 px", path).isZero();
				assertThat(browser.withinWidth(By.cssSelector("form.logout button")))
					.as("the whole sign-out button is visible on %s", path).isTrue();
			}
			browser.go("/portal?lang=en");
			// The order table became stacked rows: each cell names its column beside the value.
			WebElement row = browser.driver
				.findElement(By.cssSelector("tr.order-row[data-order-number='" + orderNumber + "']"));
			assertThat(browser.driver.findElement(By.cssSelector("table.list thead")).isDisplayed()).isFalse();
			assertThat(row.findElement(By.cssSelector("td.order-promised")).getText()).isNotBlank();
			assertThat(browser.withinWidth(By.cssSelector("tr.order-row[data-order-number='" + orderNumber + "']")))
				.isTrue();
		}
	}
}
