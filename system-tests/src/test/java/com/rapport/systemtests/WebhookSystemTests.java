package com.rapport.systemtests;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.jayway.jsonpath.JsonPath;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A partner's webhook end to end: the admin subscribes a receiver in the console (Chromium, through the gateway and
 * portal-web to order-tracking-service) and copies the secret shown once; a partner appends a milestone through the
 * gateway; the receiver, a real HTTP server in this JVM, gets the delivery and checks its signature as
 * order-tracking-service's README tells receivers to.
 */
@ExtendWith(RunningPlatform.class)
class WebhookSystemTests {

	record Received(Map<String, String> headers, String body) {
	}

	@Test
	void anAdminsSubscriptionReceivesAPartnersMilestoneSignedSoThatItVerifies() throws Exception {
		LinkedBlockingQueue<Received> received = new LinkedBlockingQueue<>();
		HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		receiver.createContext("/", exchange -> {
			try (InputStream in = exchange.getRequestBody()) {
				Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
				exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, values.get(0)));
				received.add(new Received(headers, new String(in.readAllBytes(), StandardCharsets.UTF_8)));
			}
			exchange.sendResponseHeaders(204, -1);
			exchange.close();
		});
		receiver.start();
		String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/rapport-hooks";
		try (Browser admin = Browser.open().login("admin", "admin-demo-26")) {
			admin.go("/console/webhooks/new");
			admin.driver.findElement(By.id("url")).sendKeys(url);
			admin.driver.findElement(By.cssSelector("input[name=events][value=MILESTONE_REACHED]")).click();
			admin.driver.findElement(By.id("description")).sendKeys("System-test ERP");
			admin.driver.findElement(By.cssSelector("form.webhook-form button[type=submit]")).click();
			admin.waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".webhook-secret")));
			String secret = admin.text(By.cssSelector(".webhook-secret"));
			assertThat(secret).startsWith("whsec_");

			Partner partner = Partner.demo();
			String number = Partner.newOrderNumber();
			assertThat(partner.postOrder(Partner.orderJson("acme-retail", number), null).statusCode()).isEqualTo(201);
			String eventId = "sys-hook-" + number;
			HttpResponse<String> milestone = partner.post("/api/orders/v1/orders/" + number + "/milestones", """
					{"customerId": "acme-retail", "eventId": "%s", "code": "SHIPPED", "occurredAt": "%s",
					 "carrier": "SF Express", "trackingNumber": "SF-SYS-1"}"""
				.formatted(eventId, Instant.now().minus(1, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS)), null);
			assertThat(milestone.statusCode()).isEqualTo(201);

			Received delivery = null;
			for (Received next = received.poll(30, TimeUnit.SECONDS); next != null; next = received.poll(30, TimeUnit.SECONDS)) {
				if (next.body().contains(eventId)) {
					delivery = next;
					break;
				}
			}
			assertThat(delivery).as("a delivery of the milestone within 30 s").isNotNull();
			assertThat(delivery.headers().get("Rapport-Event-Type")).isEqualTo("MILESTONE_REACHED");
			assertThat((String) JsonPath.read(delivery.body(), "$.order.orderNumber")).isEqualTo(number);
			assertThat((String) JsonPath.read(delivery.body(), "$.data.code")).isEqualTo("SHIPPED");
			assertThat(verified(secret, delivery.headers().get("Rapport-Signature"), delivery.body()))
				.as("the signature verifies with the secret the console showed").isTrue();
			assertThat(verified("whsec_wrong", delivery.headers().get("Rapport-Signature"), delivery.body())).isFalse();

			// The console's history shows it delivered (once the sender noted the answer), with the receiver's status.
			String state = "";
			for (int attempt = 0; attempt < 10 && !state.startsWith("Delivered"); attempt++) {
				admin.go("/console/webhooks");
				admin.driver.findElement(By.linkText(url)).click();
				admin.waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".webhook-deliveries")));
				state = admin.text(By.cssSelector(".delivery-row .delivery-state"));
				if (!state.startsWith("Delivered")) {
					Thread.sleep(500);
				}
			}
			assertThat(state).startsWith("Delivered");
			assertThat(admin.text(By.cssSelector(".delivery-row .tries"))).contains("204");
			// Not to disturb later runs: the subscription goes.
			admin.driver.findElement(By.cssSelector("form.webhook-delete button")).click();
			admin.waitFor(ExpectedConditions.urlContains("notice=deleted"));
		}
		finally {
			receiver.stop(0);
		}
	}

	/** The README's check: t within five minutes, v1 the hex HMAC-SHA256 of "t.body" with the secret. */
	private static boolean verified(String secret, String header, String body) throws GeneralSecurityException {
		String t = null;
		String v1 = null;
		for (String part : header.split(",")) {
			if (part.startsWith("t=")) {
				t = part.substring(2);
			}
			if (part.startsWith("v1=")) {
				v1 = part.substring(3);
			}
		}
		if (t == null || v1 == null || Math.abs(Instant.now().getEpochSecond() - Long.parseLong(t)) > 300) {
			return false;
		}
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
		byte[] expected = mac.doFinal((t + "." + body).getBytes(StandardCharsets.UTF_8));
		return MessageDigest.isEqual(expected, HexFormat.of().parseHex(v1));
	}
}
