package com.rapport.portal.sla;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.google.protobuf.Timestamp;
import com.rapport.contracts.ticket.v1.BusinessCalendar;
import com.rapport.contracts.ticket.v1.Holiday;
import com.rapport.contracts.ticket.v1.SlaPolicy;
import com.rapport.contracts.ticket.v1.SlaTier;
import com.rapport.contracts.ticket.v1.TicketPriority;
import com.rapport.contracts.ticket.v1.WorkingHours;
import com.rapport.portal.remote.SlaSettingsClient;
import com.rapport.portal.web.PageTestConfiguration;
import com.rapport.portal.web.TicketPages;
import com.rapport.support.error.Message;
import com.rapport.support.error.UnprocessableException;
import com.rapport.support.security.ResourceServerSecurityAutoConfiguration;
import com.rapport.support.test.TestTokens;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;

import static com.rapport.support.test.TestJwtRequests.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The console's SLA policies and business calendars: staff read, managers change, every refusal beside its field. */
@WebMvcTest(SlaSettingsController.class)
@ImportAutoConfiguration(ResourceServerSecurityAutoConfiguration.class)
@Import({ PageTestConfiguration.class, TicketPages.class })
class SlaSettingsControllerMvcTests {

	static final SlaPolicy VIP_URGENT = SlaPolicy.newBuilder().setTier(SlaTier.SLA_TIER_VIP)
		.setPriority(TicketPriority.TICKET_PRIORITY_URGENT).setFirstResponseMinutes(15).setNextReplyMinutes(15)
		.setResolutionMinutes(120).setCalendarId("standard").build();

	static final SlaPolicy NORMAL_NORMAL = SlaPolicy.newBuilder().setTier(SlaTier.SLA_TIER_NORMAL)
		.setPriority(TicketPriority.TICKET_PRIORITY_NORMAL).setFirstResponseMinutes(1440).setNextReplyMinutes(90)
		.setResolutionMinutes(2880).setCalendarId("standard").setUpdatedBy("manager.wang")
		.setUpdatedAt(Timestamp.newBuilder().setSeconds(1_764_556_200L)).build();

	static final BusinessCalendar STANDARD = BusinessCalendar.newBuilder().setId("standard").setName("Shanghai office")
		.setTimeZone("Asia/Shanghai").addHours(WorkingHours.newBuilder().setDay(1).setFrom("09:00").setTo("18:00"))
		.addHours(WorkingHours.newBuilder().setDay(5).setFrom("09:00").setTo("17:00"))
		.addHolidays(Holiday.newBuilder().setDate("2027-02-06").setNameZh("春节").setNameEn("Spring Festival")).build();

	@Autowired
	MockMvc mvc;

	@MockitoBean
	SlaSettingsClient sla;

	private ResultActions by(String role, AbstractMockHttpServletRequestBuilder<?> request) throws Exception {
		return mvc.perform(request.with(as(TestTokens.staff(role))));
	}

	private static Document page(ResultActions result) throws Exception {
		return Jsoup.parse(result.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
	}

	@Test
	void staffReadThePoliciesAndCalendarsAndOnlyManagersGetTheForms() throws Exception {
		given(sla.policies()).willReturn(List.of(VIP_URGENT, NORMAL_NORMAL));
		given(sla.calendars()).willReturn(List.of(STANDARD));

		Document agent = page(by("agent", get("/console/sla")).andExpect(status().isOk()));
		assertThat(agent.select(".topbar .nav-sla").attr("href")).isEqualTo("/console/sla");
		assertThat(agent.select("tr.sla-policy").eachAttr("data-policy")).containsExactly("VIP-URGENT", "NORMAL-NORMAL");
		assertThat(agent.select("tr[data-policy=NORMAL-NORMAL] td").eachText()).containsSequence("Normal", "Normal",
				"24h", "1h 30m", "48h", "standard");
		assertThat(agent.select("tr[data-policy=VIP-URGENT] td").get(6).text()).isEqualTo("the default setting");
		assertThat(agent.select(".calendar-hours").text()).isEqualTo("Mon 09:00–18:00; Fri 09:00–17:00");
		assertThat(agent.select(".calendar-holidays").text()).isEqualTo("1 day");
		assertThat(agent.select("a.edit-policy, a.edit-calendar, a.new-calendar")).isEmpty();

		Document manager = page(by("manager", get("/console/sla").param("lang", "zh-CN")));
		assertThat(manager.select("tr[data-policy=VIP-URGENT] a.edit-policy").attr("href"))
			.isEqualTo("/console/sla/policies/VIP/URGENT");
		assertThat(manager.select(".calendar-hours").text()).isEqualTo("周一 09:00–18:00; 周五 09:00–17:00");

		by("agent", get("/console/sla/policies/VIP/URGENT")).andExpect(status().isForbidden());
		by("agent", post("/console/sla/policies").with(csrf()).param("tier", "VIP").param("priority", "URGENT")
			.param("firstResponse", "10m").param("nextReply", "10m").param("resolution", "1h"))
			.andExpect(status().isForbidden());
		verify(sla, never()).save(any(SlaPolicy.class));
		mvc.perform(get("/console/sla").with(as(TestTokens.customer("acme-retail")))).andExpect(status().isForbidden());
	}

	@Test
	void aManagerSavesAPolicyInHoursAndMinutesAndABadDurationIsNamedWithoutAskingTheService() throws Exception {
		given(sla.policies()).willReturn(List.of(VIP_URGENT));
		given(sla.calendars()).willReturn(List.of(STANDARD));
		Document form = page(by("manager", get("/console/sla/policies/VIP/URGENT")).andExpect(status().isOk()));
		assertThat(form.select("#firstResponse").val()).isEqualTo("15m");
		assertThat(form.select("#resolution").val()).isEqualTo("2h");

		by("manager", post("/console/sla/policies").with(csrf()).param("tier", "VIP").param("priority", "URGENT")
			.param("firstResponse", "10m").param("nextReply", "1h 30m").param("resolution", "90")
			.param("calendarId", "standard")).andExpect(redirectedUrl("/console/sla?notice=policy-saved"));
		ArgumentCaptor<SlaPolicy> sent = ArgumentCaptor.forClass(SlaPolicy.class);
		verify(sla).save(sent.capture());
		assertThat(sent.getValue().getTier()).isEqualTo(SlaTier.SLA_TIER_VIP);
		assertThat(sent.getValue().getPriority()).isEqualTo(TicketPriority.TICKET_PRIORITY_URGENT);
		assertThat(List.of(sent.getValue().getFirstResponseMinutes(), sent.getValue().getNextReplyMinutes(),
				sent.getValue().getResolutionMinutes())).containsExactly(10L, 90L, 90L);

		Document refused = page(by("manager", post("/console/sla/policies").with(csrf()).header("Accept-Language", "zh-CN")
			.param("tier", "VIP").param("priority", "URGENT").param("firstResponse", "soon").param("nextReply", "")
			.param("resolution", "2h")).andExpect(status().isUnprocessableContent()));
		assertThat(refused.select("#firstResponse + .field-error").text())
			.isEqualTo("必须是工作时间，例如 8h、30m 或 1h 30m");
		assertThat(refused.select("#nextReply + .field-error").text()).isEqualTo("为必填项");
		assertThat(refused.select("#firstResponse").val()).isEqualTo("soon");
		verify(sla).save(any(SlaPolicy.class));
	}

	@Test
	void theServicesRefusalOfAPolicyIsSaidBesideEachField() throws Exception {
		given(sla.calendars()).willReturn(List.of(STANDARD));
		Map<String, Message> fields = new LinkedHashMap<>();
		fields.put("resolution", Message.of("sla.resolution.before-first-response"));
		fields.put("calendarId", Message.of("sla.calendar.unknown", "gone"));
		given(sla.save(any(SlaPolicy.class)))
			.willThrow(new UnprocessableException(Message.of("sla.cannot-save-policy"), fields));

		Document refused = page(by("admin", post("/console/sla/policies").with(csrf()).param("tier", "KEY")
			.param("priority", "HIGH").param("firstResponse", "4h").param("nextReply", "4h").param("resolution", "1h")
			.param("calendarId", "gone")).andExpect(status().isUnprocessableContent()));
		assertThat(refused.select(".notice.error").text()).isEqualTo("The SLA policy cannot be saved.");
		assertThat(refused.select("#resolution + .field-error").text())
			.isEqualTo("must be at least the first-response target");
		assertThat(refused.select("#calendarId + .field-error").text()).isEqualTo("no calendar 'gone'");
		assertThat(refused.select("h1").text()).isEqualTo("Policy for Key tier, High priority");
	}

	@Test
	void aCalendarIsSavedFromItsRowsAndEachRefusalStandsBesideItsWeekdayOrHoliday() throws Exception {
		given(sla.calendars()).willReturn(List.of(STANDARD));
		Document form = page(by("manager", get("/console/sla/calendars/standard")).andExpect(status().isOk()));
		assertThat(form.select("#id").hasAttr("readonly")).isTrue();
		assertThat(form.select("#from1").val()).isEqualTo("09:00");
		assertThat(form.select("#from2").val()).isEmpty();
		assertThat(form.select("input[name=holidayNameZh]").eachAttr("value")).containsExactly("春节", "", "", "");

		Map<String, Message> fields = new LinkedHashMap<>();
		fields.put("hours[1].to", Message.of("sla.calendar.end-before-start"));
		fields.put("holidays[1].nameEn", Message.of("field.required"));
		fields.put("timeZone", Message.of("sla.calendar.time-zone", "Mars/Olympus"));
		given(sla.save(any(BusinessCalendar.class)))
			.willThrow(new UnprocessableException(Message.of("sla.cannot-save-calendar"), fields));

		Document refused = page(by("manager", post("/console/sla/calendars").with(csrf()).header("Accept-Language", "zh-CN")
			.param("id", "standard").param("existing", "true").param("name", "Shanghai office")
			.param("timeZone", "Mars/Olympus").param("from1", "09:00").param("to1", "18:00").param("from3", "18:00")
			.param("to3", "09:00").param("holidayDate", "2027-02-06", "", "2027-10-01")
			.param("holidayNameZh", "春节", "", "国庆节").param("holidayNameEn", "Spring Festival", "", ""))
			.andExpect(status().isUnprocessableContent()));

		ArgumentCaptor<BusinessCalendar> sent = ArgumentCaptor.forClass(BusinessCalendar.class);
		verify(sla).save(sent.capture());
		assertThat(sent.getValue().getHoursList()).extracting(WorkingHours::getDay).containsExactly(1, 3);
		assertThat(sent.getValue().getHolidaysList()).extracting(Holiday::getDate).containsExactly("2027-02-06",
				"2027-10-01");
		assertThat(refused.select(".sla-day[data-day=3] .field-error").text()).isEqualTo("必须晚于开始时间");
		assertThat(refused.select(".sla-day[data-day=1] .field-error")).isEmpty();
		assertThat(refused.select(".sla-holiday[data-row=1] .field-error").text()).isEqualTo("为必填项");
		assertThat(refused.select(".sla-holiday[data-row=1] input[name=holidayNameZh]").val()).isEqualTo("国庆节");
		assertThat(refused.select("#timeZone + .field-error").text()).contains("Mars/Olympus");
		assertThat(refused.select("#id").hasAttr("readonly")).isTrue();
	}

	@Test
	void workingDurationsAreReadAndWrittenAsHoursAndMinutes() {
		assertThat(WorkingDurations.parse("8h")).hasValue(480);
		assertThat(WorkingDurations.parse(" 1h 30m ")).hasValue(90);
		assertThat(WorkingDurations.parse("45min")).hasValue(45);
		assertThat(WorkingDurations.parse("120")).hasValue(120);
		assertThat(WorkingDurations.parse("1.5h")).isEmpty();
		assertThat(WorkingDurations.parse("h")).isEmpty();
		assertThat(WorkingDurations.parse("")).isEmpty();
		assertThat(WorkingDurations.format(90)).isEqualTo("1h 30m");
		assertThat(WorkingDurations.format(45)).isEqualTo("45m");
		assertThat(WorkingDurations.format(2880)).isEqualTo("48h");
	}
}
