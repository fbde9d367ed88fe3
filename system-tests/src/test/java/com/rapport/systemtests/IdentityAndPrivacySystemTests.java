package com.rapport.systemtests;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A contact's whole life as an admin and the contact see it, with real Keycloak, the real mail catcher and
 * real browsers: invited from the console, the mail arrives, the contact sets a password and reaches the
 * portal; the admin downloads everything held about them and erases it; the login is gone, the failed
 * attempt and every step are on the audit trail, and every service's chain verifies.
 */
@ExtendWith(RunningPlatform.class)
class IdentityAndPrivacySystemTests {

	static final String MAIL_API = "http://localhost:8025";

	/** Bo Zhang of Acme Retail (demo data): an email address, no portal login. */
	static final String BO = "3f0c2a8e-5d1b-4c55-9d3a-6c1e0a7b1002";

	static final String BO_EMAIL = "bo.zhang@acme-retail.example";

	static final String PASSWORD = "Warehouse-Lead-26";

	static final Pattern ACTION_LINK = Pattern
		.compile("(http://localhost:8180/realms/rapport/login-actions/action-token\\?[^\\s\"<>]+)");

	@Test
	void anInvitedContactSetsAPasswordUsesThePortalAndIsErasedOnRequestWithEveryStepAudited() throws Exception {
		// Keycloak keeps its users between runs on one machine; the platform's stores are fresh each run.
		RealmAdmin.login().deleteUser(BO_EMAIL);
		try (Browser admin = Browser.open().login("admin", "admin-demo-26")) {
			// The admin invites Bo from the organisation page.
			admin.go("/console/organisations/acme-retail");
			WebElement bo = admin.driver.findElement(By.cssSelector("tr[data-contact-id='" + BO + "']"));
			assertThat(bo.findElement(By.cssSelector(".login-state")).getText()).isEqualTo("None");
			bo.findElement(By.cssSelector("form.invite-form button")).click();
			admin.waitFor(ExpectedConditions.urlContains("notice=invited"));
			assertThat(admin.text(By.cssSelector(".login-notice"))).startsWith("Invitation sent");
			assertThat(admin.text(By.cssSelector("tr[data-contact-id='" + BO + "'] .login-state"))).startsWith("Invited");

			// Keycloak's mail reaches the mail catcher; its link lets Bo choose a password.
			String link = invitationLink();
			try (Browser contact = Browser.open()) {
				contact.driver.get(link);
				List<WebElement> proceed = contact.driver.findElements(By.partialLinkText("Click here to proceed"));
				if (!proceed.isEmpty()) {
					proceed.get(0).click();
				}
				contact.waitFor(ExpectedConditions.presenceOfElementLocated(By.id("password-new")));
				contact.driver.findElement(By.id("password-new")).sendKeys(PASSWORD);
				contact.driver.findElement(By.id("password-confirm")).sendKeys(PASSWORD);
				contact.driver.findElement(By.cssSelector("#kc-passwd-update-form [type=submit]")).click();
				Thread.sleep(3000);
				assertThat(contact.driver.findElements(By.id("password-new")))
					.as("Keycloak kept the password form:\n" + contact.driver.findElement(By.tagName("body")).getText())
					.isEmpty();
			}
			try (Browser contact = Browser.open().login(BO_EMAIL, PASSWORD)) {
				contact.go("/portal/organisation");
				assertThat(contact.text(By.tagName("main"))).contains("Acme Retail");
			}

			// Everything held about Bo, in one download.
			String export = admin.fetch("/console/organisations/acme-retail/contacts/" + BO + "/personal-data");
			assertThat(JsonPath.<String>read(export, "$.subject.email")).isEqualTo(BO_EMAIL);
			assertThat(JsonPath.<List<String>>read(export, "$.services['customer-service'].contacts[*].contact.email"))
				.containsExactly(BO_EMAIL);
			assertThat(JsonPath.<List<String>>read(export, "$.services['customer-service'].logins[*].username"))
				.containsExactly(BO_EMAIL);
			assertThat(JsonPath.<Object>read(export, "$.services")).asString().contains("order-tracking-service",
					"ticket-service", "feedback-service");
			// The demo's ticket Bo raised about the damaged chairs, as ticket-service holds it.
			assertThat(JsonPath.<List<String>>read(export, "$.services['ticket-service'].tickets[*].email"))
				.contains(BO_EMAIL);

			// The erasure, after its confirmation page.
			admin.go("/console/organisations/acme-retail/contacts/" + BO + "/erase");
			assertThat(admin.text(By.cssSelector(".subject-email"))).isEqualTo(BO_EMAIL);
			admin.driver.findElement(By.cssSelector("form.erase-form button")).click();
			admin.waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".erased-summary")));
			// Bo's contact record and portal login, and the greetings kept for them if the day's greeting run
			// (demo birthdays fall on the day the demo is loaded) has already been.
			assertThat(Integer.parseInt(admin.text(By.cssSelector("tr[data-service='customer-service'] .deleted"))))
				.as("records deleted by customer-service").isGreaterThanOrEqualTo(2);
			assertThat(Integer.parseInt(admin.text(By.cssSelector("tr[data-service='ticket-service'] .anonymised"))))
				.as("tickets Bo raised, kept for Acme without Bo").isGreaterThanOrEqualTo(1);
			admin.go("/console/organisations/acme-retail");
			assertThat(admin.driver.findElements(By.cssSelector("tr[data-contact-id='" + BO + "']"))).isEmpty();
			assertThat(admin.text(By.cssSelector("table.contacts"))).doesNotContain("Bo Zhang");

			// Bo can no longer sign in; the attempt is a failed login Keycloak reports.
			try (Browser contact = Browser.open()) {
				contact.go("/");
				contact.waitFor(ExpectedConditions.presenceOfElementLocated(By.id("kc-form-login")));
				contact.driver.findElement(By.id("username")).sendKeys(BO_EMAIL);
				contact.driver.findElement(By.id("password")).sendKeys(PASSWORD);
				contact.driver.findElement(By.id("kc-login")).click();
				contact.waitFor(ExpectedConditions.presenceOfElementLocated(By.id("kc-form-login")));
				assertThat(contact.driver.getPageSource()).contains("Invalid username or password");
			}

			// Every step is on the audit trail, by the admin, about Bo; and each service's chain is intact.
			admin.go("/console/audit?recordId=" + BO);
			List<String> actions = admin.driver.findElements(By.cssSelector("tr.audit-entry .action")).stream()
				.map(WebElement::getText).toList();
			assertThat(actions).contains("contact.invited", "personal-data.exported", "personal-data.erased");
			assertThat(admin.driver.findElements(By.cssSelector("tr.audit-entry .service")).stream()
				.map(WebElement::getText)).contains("customer-service", "order-tracking-service", "ticket-service",
						"feedback-service");
			String failedLogin = "";
			for (int attempt = 0; attempt < 40 && !failedLogin.contains("login.failed"); attempt++) {
				admin.go("/console/audit?action=login.failed&actor=" + BO_EMAIL);
				failedLogin = admin.driver.findElements(By.cssSelector("table.audit")).stream().map(WebElement::getText)
					.findFirst().orElse("");
				if (!failedLogin.contains("login.failed")) {
					Thread.sleep(1000);
				}
			}
			assertThat(failedLogin).contains("login.failed").contains("rapport-gateway").contains("user_not_found");

			admin.go("/console/audit/verify");
			assertThat(admin.driver.findElements(By.cssSelector("tr.verification-row.intact"))).hasSize(4);
		}
	}

	/** The set-your-password link of the newest mail to Bo, waiting for it to arrive. */
	private static String invitationLink() throws InterruptedException {
		for (int attempt = 0; attempt < 30; attempt++) {
			HttpResponse<String> mails = Partner.anonymous(HttpRequest
				.newBuilder(URI.create(MAIL_API + "/api/user/" + BO_EMAIL + "/messages")));
			if (mails.statusCode() == 200) {
				List<String> bodies = JsonPath.read(mails.body(), "$[*].mimeMessage");
				if (!bodies.isEmpty()) {
					// Quoted-printable: joined soft line breaks, "=3D" for "=", and HTML's &amp;.
					String text = bodies.get(bodies.size() - 1).replace("=\r\n", "").replace("=\n", "")
						.replace("=3D", "=").replace("&amp;", "&");
					Matcher link = ACTION_LINK.matcher(text);
					assertThat(link.find()).as("an action link in the mail:\n" + text).isTrue();
					return link.group(1);
				}
			}
			Thread.sleep(500);
		}
		throw new AssertionError("No invitation mail reached " + BO_EMAIL);
	}
}
