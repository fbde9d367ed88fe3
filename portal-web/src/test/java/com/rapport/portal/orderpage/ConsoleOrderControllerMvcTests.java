package com.rapport.portal.orderpage;

import java.nio.charset.StandardCharsets;
import java.util.List;

import com.google.protobuf.Timestamp;
import com.rapport.contracts.ordertracking.v1.Delay;
import com.rapport.contracts.ordertracking.v1.DelayCause;
import com.rapport.contracts.ordertracking.v1.DelayRemedy;
import com.rapport.contracts.ordertracking.v1.Milestone;
import com.rapport.contracts.ordertracking.v1.MilestoneCode;
import com.rapport.contracts.ordertracking.v1.Notification;
import com.rapport.contracts.ordertracking.v1.NotificationChannel;
import com.rapport.contracts.ordertracking.v1.NotificationState;
import com.rapport.contracts.ordertracking.v1.Order;
import com.rapport.contracts.ordertracking.v1.OrderLine;
import com.rapport.portal.web.PageTestConfiguration;
import com.rapport.support.error.ConflictException;
import com.rapport.support.error.Message;
import com.rapport.support.error.NotFoundException;
import com.rapport.support.error.UnprocessableException;
import com.rapport.support.security.ResourceServerSecurityAutoConfiguration;
import com.rapport.support.test.TestTokens;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static com.rapport.support.test.TestJwtRequests.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(ConsoleOrderController.class)
@ImportAutoConfiguration(ResourceServerSecurityAutoConfiguration.class)
@Import(PageTestConfiguration.class)
class ConsoleOrderControllerMvcTests {

	static final long DAY = 86_400L;

	static final long T0 = 1_796_054_400L;

	@Autowired
	MockMvc mvc;

	@MockitoBean
	OrderPageClient client;

	private static Timestamp at(long seconds) {
		return Timestamp.newBuilder().setSeconds(seconds).build();
	}

	private static Document page(ResultActions result) throws Exception {
		return Jsoup.parse(result.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
	}

	/**
	 * ACME-1016 at risk with a delay: placed, shipped, then a CONFIRMED that happened before the shipment but arrived
	 * after it (reported late), and a PACKED that happened after SHIPPED (kept backwards).
	 */
	static Order order() {
		return Order.newBuilder().setId("o-16").setCustomerId("acme-retail").setCustomerName("Acme Retail")
			.setOrderNumber("ACME-1016").setStatus(MilestoneCode.MILESTONE_CODE_SHIPPED).setPlacedAt(at(T0))
			.setPromisedDate("2026-12-20").setEta("2026-12-27").setAtRisk(true)
			.setDelay(Delay.newBuilder().setCause(DelayCause.DELAY_CAUSE_ETA_PAST_PROMISE).setDetectedAt(at(T0 + 3 * DAY))
				.setReason("Paint line down").setRemedy(DelayRemedy.DELAY_REMEDY_PARTIAL_SHIPMENT)
				.setRemedyNote("the rest in a week").setRecordedBy("wei.li").setRecordedAt(at(T0 + 3 * DAY)))
			.addMilestones(Milestone.newBuilder().setCode(MilestoneCode.MILESTONE_CODE_PLACED).setOccurredAt(at(T0)))
			.addMilestones(Milestone.newBuilder().setCode(MilestoneCode.MILESTONE_CODE_CONFIRMED)
				.setOccurredAt(at(T0 + 3600)).setReceivedAt(at(T0 + 2 * DAY + 60)).setEventId("wms-2"))
			.addMilestones(Milestone.newBuilder().setCode(MilestoneCode.MILESTONE_CODE_SHIPPED)
				.setOccurredAt(at(T0 + DAY)).setReceivedAt(at(T0 + DAY + 10)).setEventId("wms-3").setPlace("Shenzhen")
				.setCarrier("SF Express").setTrackingNumber("SF1234").setTrackingLink("https://sf.example/SF1234"))
			.addMilestones(Milestone.newBuilder().setCode(MilestoneCode.MILESTONE_CODE_PACKED)
				.setOccurredAt(at(T0 + 2 * DAY)).setReceivedAt(at(T0 + 2 * DAY + 5)).setBackwards(true))
			.addLines(OrderLine.newBuilder().setSku("CHAIR-ERG-01").setDescription("Ergonomic chair").setQuantity(25))
			.build();
	}

	static List<Notification> log() {
		return List.of(
				Notification.newBuilder().setId("e-1|alice@acme.example").setOrderId("o-16").setKind("MILESTONE_REACHED")
					.setChannel(NotificationChannel.NOTIFICATION_CHANNEL_EMAIL).setContactName("Alice Chen")
					.setAddress("alice@acme.example").setLanguage("zh-CN").setState(NotificationState.NOTIFICATION_STATE_SENT)
					.setAttempts(1).setCreatedAt(at(T0 + DAY)).setSentAt(at(T0 + DAY + 1)).build(),
				Notification.newBuilder().setId("e-1|+862155550102").setOrderId("o-16").setKind("MILESTONE_REACHED")
					.setChannel(NotificationChannel.NOTIFICATION_CHANNEL_SMS).setContactName("Bo Zhang")
					.setAddress("+862155550102").setLanguage("zh-CN").setState(NotificationState.NOTIFICATION_STATE_DEAD)
					.setAttempts(10).setLastError("503 provider down").setCreatedAt(at(T0 + DAY)).build(),
				Notification.newBuilder().setId("e-2|petra@acme.example").setOrderId("o-16").setKind("ORDER_DELAYED")
					.setChannel(NotificationChannel.NOTIFICATION_CHANNEL_EMAIL).setContactName("Petra Vogel")
					.setAddress("petra@acme.example").setLanguage("en")
					.setState(NotificationState.NOTIFICATION_STATE_RETRYING).setAttempts(2)
					.setLastError("421 try later").setNextAttemptAt(at(T0 + 3 * DAY + 120)).setCreatedAt(at(T0 + 3 * DAY))
					.build(),
				Notification.newBuilder().setId("inbox-1").setOrderId("o-16").setKind("ORDER_DELAYED")
					.setChannel(NotificationChannel.NOTIFICATION_CHANNEL_INBOX).setContactId("alice")
					.setContactName("Alice Chen").setLanguage("zh-CN").setState(NotificationState.NOTIFICATION_STATE_SENT)
					.setCreatedAt(at(T0 + 3 * DAY)).setSentAt(at(T0 + 3 * DAY)).setReadAt(at(T0 + 4 * DAY)).build());
	}

	@Test
	void staffSeeTheOrderItsMilestonesInEventTimeOrderItsDelayAndItsNotificationLog() throws Exception {
		given(client.order("acme-retail", "ACME-1016")).willReturn(order());
		given(client.notifications("o-16")).willReturn(log());

		Document page = page(mvc.perform(get("/console/orders/acme-retail/ACME-1016").with(as(TestTokens.staff("agent"))))
			.andExpect(status().isOk()));

		assertThat(page.select("h1").text()).isEqualTo("Order ACME-1016");
		assertThat(page.select("a.order-organisation").attr("href")).isEqualTo("/console/organisations/acme-retail");
		assertThat(page.select(".order-promised").text()).isEqualTo("Dec 20, 2026");
		assertThat(page.select(".order-eta").text()).isEqualTo("Dec 27, 2026");
		assertThat(page.select(".delay-reason").text()).isEqualTo("Paint line down");
		assertThat(page.select(".delay-remedy").text()).isEqualTo("a partial shipment — the rest in a week");
		assertThat(page.select(".delay-cause").text()).startsWith("Expected after the promised date");
		assertThat(page.select(".delay-recorded").text()).startsWith("wei.li");

		assertThat(page.select("tr.milestone-row").eachAttr("data-milestone")).containsExactly("MILESTONE_CODE_PLACED",
				"MILESTONE_CODE_CONFIRMED", "MILESTONE_CODE_SHIPPED", "MILESTONE_CODE_PACKED");
		assertThat(page.select("tr.milestone-row").eachAttr("data-late")).containsExactly("false", "true", "false",
				"false");
		assertThat(page.select("tr.milestone-row").eachAttr("data-backwards")).containsExactly("false", "false", "false",
				"true");
		assertThat(page.select("tr[data-milestone=MILESTONE_CODE_CONFIRMED] .milestone-late").text())
			.isEqualTo("reported after a later step");
		assertThat(page.select("tr[data-milestone=MILESTONE_CODE_PACKED] .milestone-backwards").text())
			.isEqualTo("backwards: kept, not the status");
		assertThat(page.select("tr[data-milestone=MILESTONE_CODE_SHIPPED] .milestone-details").text())
			.contains("Shenzhen", "SF Express SF1234", "Track the parcel", "event wms-3");
		assertThat(page.select("table.order-lines td").eachText()).containsExactly("CHAIR-ERG-01", "Ergonomic chair", "25");

		assertThat(page.select("tr.notification-row").eachAttr("data-channel")).containsExactly("EMAIL", "SMS", "EMAIL",
				"INBOX");
		org.jsoup.select.Elements rows = page.select("tr.notification-row");
		assertThat(rows.get(0).text()).contains("Alice Chen (zh-CN)", "Email", "alice@acme.example", "Milestone", "Sent");
		assertThat(rows.get(1).text()).contains("Bo Zhang", "SMS", "+862155550102", "Failed for good", "10",
				"503 provider down");
		assertThat(rows.get(2).text()).contains("Petra Vogel", "Delay with reason and remedy", "Failed, retrying",
				"next try", "421 try later");
		assertThat(rows.get(3).text()).contains("Alice Chen", "Portal inbox", "In the inbox, read");
		// Send again only on the dead one: not on one sent, one still being tried, nor an inbox item.
		assertThat(page.select("button.notification-resend")).hasSize(1);
		assertThat(rows.get(1).select("form input[name=notificationId]").val()).isEqualTo("e-1|+862155550102");
		assertThat(rows.get(1).select("form input[name=_csrf]")).isNotEmpty();
		assertThat(rows.get(1).select("form").attr("action"))
			.isEqualTo("/console/orders/acme-retail/ACME-1016/notifications/resend");

		Element form = page.selectFirst("form.delay-form");
		assertThat(form.attr("action")).isEqualTo("/console/orders/acme-retail/ACME-1016/delay");
		assertThat(form.select("select[name=remedy] option").eachAttr("value")).containsExactly("", "PARTIAL_SHIPMENT",
				"DISCOUNT", "SUBSTITUTE", "EXPEDITED_SHIPPING", "NEW_DATE");
		// Every cell names its column, so that a phone shows stacked rows without sideways scrolling.
		assertThat(page.select("table.stacked tbody td:not(:last-child)"))
			.allSatisfy(td -> assertThat(td.hasAttr("data-label")).isTrue());
	}

	@Test
	void thePageSpeaksChinese() throws Exception {
		given(client.order("acme-retail", "ACME-1016")).willReturn(order());
		given(client.notifications("o-16")).willReturn(log());

		Document page = page(mvc.perform(get("/console/orders/acme-retail/ACME-1016").param("lang", "zh-CN")
			.with(as(TestTokens.staff("manager")))).andExpect(status().isOk()));

		assertThat(page.select("h1").text()).isEqualTo("订单 ACME-1016");
		assertThat(page.select("tr.notification-row").get(3).text()).contains("门户收件箱", "已在收件箱，已读");
		assertThat(page.select("tr[data-milestone=MILESTONE_CODE_CONFIRMED] .milestone-late").text())
			.isEqualTo("在后续步骤之后才报告");
		assertThat(page.select("form.delay-form button").text()).isEqualTo("记录并通知客户");
	}

	@Test
	void aDeliveredOrderHasNoDelayFormAndAnOrderWithoutNewsAnEmptyLog() throws Exception {
		Order delivered = order().toBuilder().clearDelay().setAtRisk(false)
			.addMilestones(Milestone.newBuilder().setCode(MilestoneCode.MILESTONE_CODE_DELIVERED).setOccurredAt(at(T0 + 5 * DAY)))
			.build();
		given(client.order("acme-retail", "ACME-1016")).willReturn(delivered);
		given(client.notifications("o-16")).willReturn(List.of());

		Document page = page(mvc.perform(get("/console/orders/acme-retail/ACME-1016").with(as(TestTokens.staff("agent"))))
			.andExpect(status().isOk()));

		assertThat(page.select("form.delay-form")).isEmpty();
		assertThat(page.select("section.order-delay")).isEmpty();
		assertThat(page.select("table.notification-log")).isEmpty();
		assertThat(page.select("main").text()).contains("No notification of this order yet.");
	}

	@Test
	void theDeadSmsIsSentAgainAndThePageSaysSo() throws Exception {
		given(client.order("acme-retail", "ACME-1016")).willReturn(order());

		mvc.perform(post("/console/orders/acme-retail/ACME-1016/notifications/resend").with(csrf())
			.with(as(TestTokens.staff("agent"))).param("notificationId", "e-1|+862155550102"))
			.andExpect(redirectedUrl("/console/orders/acme-retail/ACME-1016?notice=resent"));
		verify(client).resend("e-1|+862155550102");

		given(client.notifications("o-16")).willReturn(log());
		Document page = page(mvc.perform(get("/console/orders/acme-retail/ACME-1016").param("notice", "resent")
			.with(as(TestTokens.staff("agent")))).andExpect(status().isOk()));
		assertThat(page.select(".order-notice").text()).isEqualTo("Queued to be sent again.");
	}

	@Test
	void aNotificationStillBeingTriedIsNotSentTwiceAndThePageSaysWhy() throws Exception {
		given(client.order("acme-retail", "ACME-1016")).willReturn(order());
		given(client.notifications("o-16")).willReturn(log());
		willThrow(new ConflictException(Message.of("notifications.not-failed", "x"))).given(client).resend(anyString());

		Document page = page(mvc.perform(post("/console/orders/acme-retail/ACME-1016/notifications/resend").with(csrf())
			.with(as(TestTokens.staff("agent"))).param("notificationId", "e-2|petra@acme.example"))
			.andExpect(status().isConflict()));

		assertThat(page.select(".order-refused").text()).contains("is not failed or dead");
	}

	@Test
	void staffRecordADelayWithReasonAndRemedy() throws Exception {
		given(client.order("acme-retail", "ACME-1016")).willReturn(order());

		mvc.perform(post("/console/orders/acme-retail/ACME-1016/delay").with(csrf()).with(as(TestTokens.staff("agent")))
			.param("reason", " Fabric late from the mill ").param("remedy", "NEW_DATE").param("newDate", "2026-12-28")
			.param("remedyNote", "Sorry"))
			.andExpect(redirectedUrl("/console/orders/acme-retail/ACME-1016?notice=delay-recorded"));

		verify(client).recordDelay("o-16", "Fabric late from the mill", DelayRemedy.DELAY_REMEDY_NEW_DATE, "Sorry",
				"2026-12-28");
	}

	@Test
	void aRemedyNotOfferedOrADateThatIsNoneIsRefusedBesideItsFieldAndNotSent() throws Exception {
		given(client.order("acme-retail", "ACME-1016")).willReturn(order());
		given(client.notifications("o-16")).willReturn(log());

		Document page = page(mvc.perform(post("/console/orders/acme-retail/ACME-1016/delay").with(csrf())
			.with(as(TestTokens.staff("agent"))).param("reason", "Paint line down").param("remedy", "REFUND")
			.param("newDate", "28/12/2026")).andExpect(status().isUnprocessableEntity()));

		assertThat(page.select(".field-error").eachAttr("data-field")).containsExactly("remedy", "newDate");
		assertThat(page.select("textarea[name=reason]").text()).isEqualTo("Paint line down");
		assertThat(page.select("input[name=newDate]").val()).isEqualTo("28/12/2026");
		verify(client, never()).recordDelay(anyString(), anyString(), any(), anyString(), anyString());
	}

	@Test
	void theServicesRefusalIsShownBesideTheFieldItNames() throws Exception {
		given(client.order("acme-retail", "ACME-1016")).willReturn(order());
		given(client.notifications("o-16")).willReturn(log());
		willThrow(UnprocessableException.field(Message.of("orders.delay.new-date-missing"), "newDate",
				Message.of("field.required"))).given(client).recordDelay(anyString(), anyString(), any(), anyString(), anyString());

		Document page = page(mvc.perform(post("/console/orders/acme-retail/ACME-1016/delay").with(csrf())
			.with(as(TestTokens.staff("agent"))).param("reason", "Paint line down").param("remedy", "NEW_DATE"))
			.andExpect(status().isUnprocessableEntity()));

		assertThat(page.select(".field-error").eachAttr("data-field")).containsExactly("newDate");
		assertThat(page.select("select[name=remedy] option[selected]").val()).isEqualTo("NEW_DATE");
	}

	@Test
	void aDelayOfACancelledOrDeliveredOrderIsAConflictSaidOnThePage() throws Exception {
		given(client.order("acme-retail", "ACME-1016")).willReturn(order());
		given(client.notifications("o-16")).willReturn(log());
		willThrow(new ConflictException(Message.of("orders.delivered-already", "ACME-1016"))).given(client)
			.recordDelay(anyString(), anyString(), any(), anyString(), anyString());

		Document page = page(mvc.perform(post("/console/orders/acme-retail/ACME-1016/delay").with(csrf())
			.with(as(TestTokens.staff("manager"))).param("reason", "Late").param("remedy", "DISCOUNT"))
			.andExpect(status().isConflict()));

		assertThat(page.select(".order-refused").text()).isNotBlank();
	}

	@Test
	void anUnknownOrderIsNotFoundAndCustomersAreRefused() throws Exception {
		given(client.order("acme-retail", "NOPE")).willThrow(
				new NotFoundException(Message.of("orders.number-not-found", "NOPE", "acme-retail")));
		mvc.perform(get("/console/orders/acme-retail/NOPE").with(as(TestTokens.staff("agent"))))
			.andExpect(status().isNotFound());

		mvc.perform(get("/console/orders/acme-retail/ACME-1016").with(as(TestTokens.customer("acme-retail"))))
			.andExpect(status().isForbidden());
		mvc.perform(post("/console/orders/acme-retail/ACME-1016/delay").with(csrf())
			.with(as(TestTokens.customer("acme-retail"))).param("reason", "x").param("remedy", "DISCOUNT"))
			.andExpect(status().isForbidden());
		mvc.perform(post("/console/orders/acme-retail/ACME-1016/notifications/resend").with(csrf())
			.with(as(TestTokens.customer("acme-retail"))).param("notificationId", "x"))
			.andExpect(status().isForbidden());
		verify(client).order("acme-retail", "NOPE");
		verify(client, never()).resend(anyString());
	}
}
