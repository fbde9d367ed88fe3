package com.rapport.systemtests;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A manager changes the tiering rules in the console and sees every organisation recomputed with them: the
 * real customer-service, its store and its background run, through the gateway and portal-web in Chromium.
 */
@ExtendWith(RunningPlatform.class)
class TieringRulesSystemTests {

	@Test
	void aManagerLowersTheKeyOrderCountAndACustomerWithOneOrderBecomesKey() throws InterruptedException {
		try (Browser browser = Browser.open().login("manager.wang", "manager-demo-26")) {
			// Initech Logistics: one order in the demo, so Normal with the default rules (key from 4 orders).
			assertThat(tierOf(browser, "initech-logistics", "Normal")).contains("Normal");
			browser.go("/console/tiering");
			assertThat(browser.text(By.cssSelector(".tiering-rules"))).contains("Key: otherwise")
				.contains("4 orders or more");

			saveKeyFrequency(browser, "1");
			try {
				assertThat(browser.text(By.cssSelector(".notice.saved"))).startsWith("The rules are saved.");
				assertThat(browser.text(By.cssSelector(".tiering-version"))).contains("saved by manager.wang");
				waitForRecompute(browser);
				assertThat(tierOf(browser, "initech-logistics", "Key")).contains("Key");
				browser.go("/console/organisations/initech-logistics");
				assertThat(browser.text(By.cssSelector(".profile-tier-reason"))).endsWith("Key");
				assertThat(browser.text(By.cssSelector("ol.timeline"))).contains("Tier NORMAL → KEY");
			}
			finally {
				// The demo's tiers for the tests after this one.
				saveKeyFrequency(browser, "4");
				waitForRecompute(browser);
			}
			assertThat(tierOf(browser, "initech-logistics", "Normal")).contains("Normal");
		}
	}

	@Test
	void anAgentReadsTheRulesButCannotChangeThem() {
		try (Browser browser = Browser.open().login("agent.li", "agent-demo-26")) {
			browser.go("/console/tiering");
			assertThat(browser.text(By.tagName("h1"))).isEqualTo("Tiering and lifecycle rules");
			assertThat(browser.text(By.cssSelector(".tiering-rules"))).contains("VIP: orders worth CNY");
			assertThat(browser.driver.findElements(By.cssSelector("form.tiering-form"))).isEmpty();
			assertThat(browser.post("/console/tiering")).as("a forged form-less POST").isEqualTo(403);
		}
	}

	@Test
	void aThresholdCustomerServiceRefusesComesBackBesideItsField() {
		try (Browser browser = Browser.open().login("manager.wang", "manager-demo-26")) {
			browser.go("/console/tiering");
			WebElement churned = browser.driver.findElement(By.id("churnedAfterDays"));
			churned.clear();
			churned.sendKeys("30");
			browser.driver.findElement(By.cssSelector("form.tiering-form button[type=submit]")).click();
			// The answer is a new page: wait for it rather than read the form still showing.
			browser.waitFor(org.openqa.selenium.support.ui.ExpectedConditions
				.presenceOfElementLocated(By.cssSelector(".field-error[data-field=churnedAfterDays]")));
			assertThat(browser.text(By.cssSelector(".field-error[data-field=churnedAfterDays]")))
				.contains("must be more than the days to dormant");
			assertThat(browser.driver.findElement(By.id("churnedAfterDays")).getAttribute("value")).isEqualTo("30");
			browser.go("/console/tiering");
			assertThat(browser.text(By.tagName("main"))).contains("churned after 365");
		}
	}

	private static void saveKeyFrequency(Browser browser, String orders) {
		browser.go("/console/tiering");
		WebElement field = browser.driver.findElement(By.id("keyFrequency"));
		field.clear();
		field.sendKeys(orders);
		browser.driver.findElement(By.cssSelector("form.tiering-form button[type=submit]")).click();
		browser.waitFor(org.openqa.selenium.support.ui.ExpectedConditions.urlContains("notice=saved"));
	}

	private static void waitForRecompute(Browser browser) throws InterruptedException {
		for (int attempt = 0; attempt < 60; attempt++) {
			browser.go("/console/tiering");
			if (browser.driver.findElements(By.cssSelector(".recompute-running")).isEmpty()) {
				return;
			}
			Thread.sleep(1000);
		}
		throw new AssertionError("every organisation still being recomputed after a minute");
	}

	/** The organisation's row in the console's list, once it shows {@code expected} (or after 30 s). */
	private static String tierOf(Browser browser, String organisationId, String expected) throws InterruptedException {
		String row = "";
		for (int attempt = 0; attempt < 30 && !row.contains(expected); attempt++) {
			browser.go("/console?q=");
			row = browser.driver.findElements(By.cssSelector("tr.organisation-row[data-organisation-id='" + organisationId
					+ "']")).stream().map(WebElement::getText).findFirst().orElse("");
			if (!row.contains(expected)) {
				Thread.sleep(1000);
			}
		}
		return row;
	}
}
