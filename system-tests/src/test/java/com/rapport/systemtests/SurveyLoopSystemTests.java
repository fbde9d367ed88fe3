package com.rapport.systemtests;

import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The feedback loop across the real processes: a contact raises an issue in the portal, an agent resolves it in
 * the console, ticket-service asks feedback-service for the contact's CSAT (outbox, gRPC), the invitation reaches
 * the mail catcher with five one-click links, the contact answers 1 without signing in (portal-web → gRPC →
 * feedback-service, through the gateway's public path) and adds a comment, and the low score comes back to the
 * desk as a high-priority follow-up ticket (feedback-service's outbox → ticket-service). A second click, and a
 * forged link, store nothing; the contact's portal Surveys page shows the answer given.
 */
@ExtendWith(RunningPlatform.class)
class SurveyLoopSystemTests {

	private static final String GAVIN = "gavin.wu@globex.example";

	private static final Pattern SCORE_LINK = Pattern.compile("(http://localhost:8080)?(/survey/[A-Za-z0-9_.~-]+)\\?score=1\\b");

	@Test
	void aResolvedTicketsLowScoreAnsweredFromTheMailComesBackAsAFollowUpTicket() throws InterruptedException {
		String tag = UUID.randomUUID().toString().substring(0, 8);
		String number;
		try (Browser contact = Browser.open().login("globex.buyer", "globex-demo-26")) {
			// Only a contact who agreed to be asked is asked (another test turns Gavin's consent on and off).
			contact.go("/portal/profile");
			WebElement surveys = contact.driver.findElement(By.cssSelector("input[name=surveys]"));
			if (!surveys.isSelected()) {
				surveys.click();
				contact.driver.findElement(By.cssSelector(".profile-form button")).click();
				contact.waitFor(ExpectedConditions.urlContains("saved"));
			}
			contact.go("/portal/tickets/new");
			contact.driver.findElement(By.cssSelector("input[name=kind][value=TICKET_KIND_REQUEST]")).click();
			new Select(contact.driver.findElement(By.id("category"))).selectByValue("TICKET_CATEGORY_BILLING");
			contact.driver.findElement(By.id("subject")).sendKeys("Invoice 4411 charged twice " + tag);
			contact.driver.findElement(By.id("body")).sendKeys("Please refund the second charge.");
			contact.driver.findElement(By.cssSelector("form.ticket-form button[type=submit]")).click();
			contact.waitFor(ExpectedConditions.urlContains("opened"));
			number = contact.text(By.cssSelector("h1 .ticket-number"));
		}

		try (Browser agent = Browser.open().login("agent.li", "agent-demo-26")) {
			agent.go("/console/tickets/" + number);
			agent.driver.findElement(By.cssSelector("button.take-ticket")).click();
			agent.waitFor(ExpectedConditions.not(ExpectedConditions.textToBe(By.cssSelector("td.ticket-assignee"), "—")));
			agent.driver.findElement(By.id("body")).sendKeys("Refunded today " + tag);
			agent.driver.findElement(By.cssSelector("form.reply-form button")).click();
			agent.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("ol.conversation"), tag));
			agent.driver.findElement(By.cssSelector("button.transition-TICKET_TRANSITION_RESOLVE")).click();
			agent.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("td.ticket-status"), "Resolved"));
		}

		String link = scoreOneLinkFor(number);
		String comment = "Took three weeks " + tag;
		try (Browser anyone = Browser.open()) {
			anyone.go(link);
			assertThat(anyone.driver.getCurrentUrl()).as("no sign-in asked").contains("/survey/");
			assertThat(anyone.text(By.id("thanks"))).contains("1");
			anyone.driver.findElement(By.id("comment")).sendKeys(comment);
			anyone.driver.findElement(By.cssSelector("form.survey-comment button")).click();
			anyone.waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("main[data-state=commented]")));

			anyone.go(link.replace("score=1", "score=5"));
			assertThat(anyone.driver.findElements(By.id("already"))).as("a second answer is refused").hasSize(1);
			assertThat(anyone.status(link.replace("score=1", "score=5"))).isEqualTo(409);

			String token = link.substring("/survey/".length(), link.indexOf('?'));
			// One character of the signature changed (not its last, whose low bits Base64 may ignore).
			int at = token.indexOf('.') + 5;
			String forged = "/survey/" + token.substring(0, at) + (token.charAt(at) == 'A' ? 'B' : 'A')
					+ token.substring(at + 1) + "?score=4";
			anyone.go(forged);
			assertThat(anyone.driver.findElements(By.id("invalid"))).as("a forged link").hasSize(1);
		}

		try (Browser contact = Browser.open().login("globex.buyer", "globex-demo-26")) {
			// The portal's Surveys page shows what the contact answered through the mail, and nothing left open.
			contact.go("/portal/surveys?lang=en");
			contact.driver.findElement(By.cssSelector(".topbar .nav-surveys"));
			WebElement answered = contact.driver.findElement(By.cssSelector(".answered-survey[data-subject='" + number + "']"));
			assertThat(answered.findElement(By.cssSelector(".survey-score")).getText()).isEqualTo("Your answer: 1 of 5");
			assertThat(answered.findElement(By.cssSelector(".survey-comment")).getText()).isEqualTo(comment);
			assertThat(answered.findElement(By.cssSelector("a.survey-subject")).getAttribute("href"))
				.endsWith("/portal/tickets/" + number);
			assertThat(contact.driver.findElements(By.cssSelector(".open-survey[data-subject='" + number + "']"))).isEmpty();
		}

		try (Browser agent = Browser.open().login("agent.li", "agent-demo-26")) {
			WebElement followUp = null;
			for (int attempt = 0; attempt < 40 && followUp == null; attempt++) {
				agent.go("/console/tickets?view=open");
				List<WebElement> rows = agent.driver.findElements(By.cssSelector("tr.ticket-row")).stream()
					.filter(row -> row.getText().contains("Follow-up") && row.getText().contains(number)).toList();
				assertThat(rows).as("one follow-up, never two").hasSizeLessThanOrEqualTo(1);
				followUp = rows.isEmpty() ? null : rows.get(0);
				if (followUp == null) {
					Thread.sleep(1_000);
				}
			}
			assertThat(followUp).as("a follow-up ticket about " + number + " in the open queue").isNotNull();
			assertThat(followUp.getText()).contains("globex-trading");
			String followUpNumber = followUp.getAttribute("data-ticket-number");
			agent.go("/console/tickets/" + followUpNumber);
			assertThat(agent.text(By.cssSelector("ol.conversation"))).contains(comment).contains(number);
		}
	}

	@Test
	void aManagerWordsTheCsatQuestionAndABadWordingIsNamedInChineseThenTheDefaultComesBack() {
		try (Browser manager = Browser.open().login("manager.wang", "manager-demo-26")) {
			manager.go("/console/survey-settings?lang=en");
			manager.driver.findElement(By.id("survey-templates-link")).click();
			manager.waitFor(ExpectedConditions.presenceOfElementLocated(By.id("csatEn")));
			WebElement csat = manager.driver.findElement(By.id("csatEn"));
			assertThat(csat.getAttribute("placeholder")).isEqualTo("How satisfied are you with how we handled {subject}?");
			csat.clear();
			csat.sendKeys("Were you happy with how {subject} went?");
			manager.driver.findElement(By.cssSelector("form.survey-templates-form button[type=submit]")).click();
			manager.waitFor(ExpectedConditions.urlContains("saved"));
			assertThat(manager.driver.findElement(By.id("csatEn")).getAttribute("value"))
				.isEqualTo("Were you happy with how {subject} went?");

			// Refused by feedback-service over gRPC, said under the box in the reader's language; nothing saved.
			manager.go("/console/survey-templates?lang=zh-CN");
			WebElement ces = manager.driver.findElement(By.id("cesZh"));
			ces.clear();
			ces.sendKeys("这次收货容易吗？请打分");
			manager.driver.findElement(By.cssSelector("form.survey-templates-form button[type=submit]")).click();
			manager.waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#template-cesZh .field-error")));
			assertThat(manager.text(By.cssSelector("#template-cesZh .field-error"))).isEqualTo("必须用 {subject} 指明调查的对象");

			// The default again, for the other tests' mails.
			manager.go("/console/survey-templates?lang=en");
			manager.driver.findElement(By.id("csatEn")).clear();
			manager.driver.findElement(By.cssSelector("form.survey-templates-form button[type=submit]")).click();
			manager.waitFor(ExpectedConditions.urlContains("saved"));
			assertThat(manager.driver.findElement(By.id("csatEn")).getAttribute("value")).isEmpty();
		}
	}

	/** The path of the score-1 link of the invitation about {@code ticket}, waiting for the mail to arrive. */
	private static String scoreOneLinkFor(String ticket) throws InterruptedException {
		String mail = MailCatcher.awaitMail(GAVIN, text -> text.contains(ticket) && SCORE_LINK.matcher(text).find());
		if (mail == null) {
			throw new AssertionError("No survey invitation about " + ticket + " reached " + GAVIN);
		}
		Matcher link = SCORE_LINK.matcher(mail);
		link.find();
		return link.group(2) + "?score=1";
	}
}
