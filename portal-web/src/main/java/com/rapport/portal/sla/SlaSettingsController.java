package com.rapport.portal.sla;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import jakarta.servlet.http.HttpServletResponse;

import com.rapport.contracts.ticket.v1.BusinessCalendar;
import com.rapport.contracts.ticket.v1.Holiday;
import com.rapport.contracts.ticket.v1.SlaPolicy;
import com.rapport.contracts.ticket.v1.SlaTier;
import com.rapport.contracts.ticket.v1.TicketPriority;
import com.rapport.contracts.ticket.v1.WorkingHours;
import com.rapport.portal.remote.SlaSettingsClient;
import com.rapport.portal.web.TicketPages;
import com.rapport.support.error.Message;
import com.rapport.support.error.NotFoundException;
import com.rapport.support.error.UnprocessableException;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /console/sla}: the SLA policies and the business calendars. Staff read them; managers and admins change a
 * policy ({@code /console/sla/policies/<tier>/<priority>}) or a calendar ({@code /console/sla/calendars/<id>},
 * {@code …/new}). A target that is not a duration is refused here, beside its field, and nothing is sent; everything
 * else ticket-service checks, and its refusals come back beside each field (a weekday's or holiday's row included)
 * in the reader's language.
 */
@Controller
@PreAuthorize("hasAnyRole('agent', 'manager', 'admin')")
class SlaSettingsController {

	static final List<SlaTier> TIERS = List.of(SlaTier.SLA_TIER_VIP, SlaTier.SLA_TIER_KEY, SlaTier.SLA_TIER_NORMAL);

	static final List<TicketPriority> PRIORITIES = List.of(TicketPriority.TICKET_PRIORITY_URGENT,
			TicketPriority.TICKET_PRIORITY_HIGH, TicketPriority.TICKET_PRIORITY_NORMAL, TicketPriority.TICKET_PRIORITY_LOW);

	/** Empty holiday rows a calendar's form offers for new ones. */
	static final int EMPTY_HOLIDAYS = 3;

	private final SlaSettingsClient sla;

	private final TicketPages pages;

	SlaSettingsController(SlaSettingsClient sla, TicketPages pages) {
		this.sla = sla;
		this.pages = pages;
	}

	/** A policy as the page shows it: its targets as durations. */
	record PolicyRow(String tier, String priority, String firstResponse, String nextReply, String resolution,
			String calendarId, SlaPolicy policy) {

		static PolicyRow of(SlaPolicy policy) {
			return new PolicyRow(policy.getTier().name().substring("SLA_TIER_".length()),
					policy.getPriority().name().substring("TICKET_PRIORITY_".length()),
					WorkingDurations.format(policy.getFirstResponseMinutes()),
					WorkingDurations.format(policy.getNextReplyMinutes()),
					WorkingDurations.format(policy.getResolutionMinutes()), policy.getCalendarId(), policy);
		}
	}

	/** One weekday's row of a calendar's form (ISO day 1 Monday … 7 Sunday); empty times: no working time. */
	record DayRow(int day, String from, String to) {
	}

	/** One holiday's row of a calendar's form. */
	record HolidayRow(String date, String nameZh, String nameEn) {
	}

	@GetMapping("/console/sla")
	String settings(@RequestParam(required = false) String notice, Model model) {
		model.addAttribute("policies", sla.policies().stream().map(PolicyRow::of).toList());
		model.addAttribute("calendars", sla.calendars());
		model.addAttribute("notice", "policy-saved".equals(notice) || "calendar-saved".equals(notice) ? notice : null);
		return "console/sla";
	}

	@GetMapping("/console/sla/policies/{tier}/{priority}")
	@PreAuthorize("hasAnyRole('manager', 'admin')")
	String policy(@PathVariable String tier, @PathVariable String priority, Model model) {
		SlaPolicy policy = sla.policies().stream()
			.filter(p -> p.getTier().name().equals("SLA_TIER_" + tier) && p.getPriority().name().equals("TICKET_PRIORITY_" + priority))
			.findFirst().orElseThrow(() -> new NotFoundException(Message.of("sla.policy-not-found")));
		PolicyRow row = PolicyRow.of(policy);
		return policyForm(model, row, Map.of());
	}

	@PostMapping("/console/sla/policies")
	@PreAuthorize("hasAnyRole('manager', 'admin')")
	String savePolicy(@RequestParam(defaultValue = "") String tier, @RequestParam(defaultValue = "") String priority,
			@RequestParam(defaultValue = "") String firstResponse, @RequestParam(defaultValue = "") String nextReply,
			@RequestParam(defaultValue = "") String resolution, @RequestParam(defaultValue = "") String calendarId,
			Model model, HttpServletResponse response) {
		SlaTier chosenTier = TIERS.stream().filter(t -> t.name().equals("SLA_TIER_" + tier)).findFirst()
			.orElse(SlaTier.SLA_TIER_UNSPECIFIED);
		TicketPriority chosenPriority = PRIORITIES.stream().filter(p -> p.name().equals("TICKET_PRIORITY_" + priority))
			.findFirst().orElse(TicketPriority.TICKET_PRIORITY_UNSPECIFIED);
		PolicyRow typed = new PolicyRow(tier, priority, firstResponse, nextReply, resolution, calendarId,
				SlaPolicy.newBuilder().setTier(chosenTier).setPriority(chosenPriority).build());
		Map<String, Message> bad = new LinkedHashMap<>();
		OptionalLong first = duration(bad, "firstResponse", firstResponse);
		OptionalLong next = duration(bad, "nextReply", nextReply);
		OptionalLong resolve = duration(bad, "resolution", resolution);
		try {
			if (!bad.isEmpty()) {
				throw new UnprocessableException(Message.of("sla.cannot-save-policy"), bad);
			}
			sla.save(SlaPolicy.newBuilder().setTier(chosenTier).setPriority(chosenPriority)
				.setFirstResponseMinutes(first.getAsLong()).setNextReplyMinutes(next.getAsLong())
				.setResolutionMinutes(resolve.getAsLong()).setCalendarId(calendarId.strip()).build());
			return "redirect:/console/sla?notice=policy-saved";
		}
		catch (UnprocessableException ex) {
			response.setStatus(422);
			return policyForm(model, typed, pages.errors(ex));
		}
	}

	@GetMapping("/console/sla/calendars/new")
	@PreAuthorize("hasAnyRole('manager', 'admin')")
	String newCalendar(Model model) {
		return calendarForm(model, BusinessCalendar.getDefaultInstance(), false, Map.of());
	}

	@GetMapping("/console/sla/calendars/{id}")
	@PreAuthorize("hasAnyRole('manager', 'admin')")
	String calendar(@PathVariable String id, Model model) {
		BusinessCalendar calendar = sla.calendars().stream().filter(c -> c.getId().equals(id)).findFirst()
			.orElseThrow(() -> new NotFoundException(Message.of("sla.calendar.unknown", id)));
		return calendarForm(model, calendar, true, Map.of());
	}

	@PostMapping("/console/sla/calendars")
	@PreAuthorize("hasAnyRole('manager', 'admin')")
	String saveCalendar(@RequestParam(defaultValue = "") String id, @RequestParam(defaultValue = "false") boolean existing,
			@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String timeZone,
			@RequestParam Map<String, String> form,
			@RequestParam(name = "holidayDate", required = false) List<String> dates,
			@RequestParam(name = "holidayNameZh", required = false) List<String> namesZh,
			@RequestParam(name = "holidayNameEn", required = false) List<String> namesEn, Model model,
			HttpServletResponse response) {
		BusinessCalendar.Builder calendar = BusinessCalendar.newBuilder().setId(id.strip()).setName(name)
			.setTimeZone(timeZone.strip());
		// Which weekday each entry sent stands for, to put ticket-service's words beside it.
		List<Integer> sentDays = new ArrayList<>();
		for (int day = 1; day <= 7; day++) {
			String from = form.getOrDefault("from" + day, "").strip();
			String to = form.getOrDefault("to" + day, "").strip();
			if (!from.isEmpty() || !to.isEmpty()) {
				calendar.addHours(WorkingHours.newBuilder().setDay(day).setFrom(from).setTo(to));
				sentDays.add(day);
			}
		}
		int rows = dates == null ? 0 : dates.size();
		for (int i = 0; i < rows; i++) {
			String date = at(dates, i);
			String zh = at(namesZh, i);
			String en = at(namesEn, i);
			if (!date.isEmpty() || !zh.isEmpty() || !en.isEmpty()) {
				calendar.addHolidays(Holiday.newBuilder().setDate(date).setNameZh(zh).setNameEn(en));
			}
		}
		try {
			sla.save(calendar.build());
			return "redirect:/console/sla?notice=calendar-saved";
		}
		catch (UnprocessableException ex) {
			response.setStatus(422);
			Map<String, String> errors = new LinkedHashMap<>();
			pages.errors(ex).forEach((field, text) -> errors.merge(row(field, sentDays), text,
					(one, other) -> one + " " + other));
			return calendarForm(model, calendar.build(), existing, errors);
		}
	}

	/** {@code hours[2].from} → {@code day5.from} (the weekday that entry was), {@code holidays[1].date} → {@code holiday1.date}. */
	static String row(String field, List<Integer> sentDays) {
		var matcher = java.util.regex.Pattern.compile("(hours|holidays)\\[(\\d+)\\]\\.?(.*)").matcher(field);
		if (!matcher.matches()) {
			return field;
		}
		int index = Integer.parseInt(matcher.group(2));
		String rest = matcher.group(3).isEmpty() ? "" : "." + matcher.group(3);
		if (matcher.group(1).equals("hours")) {
			return index < sentDays.size() ? "day" + sentDays.get(index) + rest : "hours";
		}
		// The form comes back with the holidays sent, in their order (empty rows dropped): the entry's index is its row.
		return "holiday" + index + rest;
	}

	private static String at(List<String> values, int i) {
		return values == null || i >= values.size() || values.get(i) == null ? "" : values.get(i).strip();
	}

	private static OptionalLong duration(Map<String, Message> bad, String field, String text) {
		OptionalLong minutes = WorkingDurations.parse(text);
		if (minutes.isEmpty()) {
			bad.put(field, Message.of(text == null || text.isBlank() ? "field.required" : "console.sla.duration.format"));
		}
		return minutes;
	}

	private String policyForm(Model model, PolicyRow policy, Map<String, String> errors) {
		model.addAttribute("policy", policy);
		model.addAttribute("calendars", sla.calendars());
		model.addAttribute("errors", errors);
		return "console/sla-policy";
	}

	private static String calendarForm(Model model, BusinessCalendar calendar, boolean existing,
			Map<String, String> errors) {
		List<DayRow> days = new ArrayList<>();
		for (int day = 1; day <= 7; day++) {
			int d = day;
			days.add(calendar.getHoursList().stream().filter(h -> h.getDay() == d).findFirst()
				.map(h -> new DayRow(d, h.getFrom(), h.getTo())).orElse(new DayRow(d, "", "")));
		}
		List<HolidayRow> holidays = new ArrayList<>(calendar.getHolidaysList().stream()
			.map(h -> new HolidayRow(h.getDate(), h.getNameZh(), h.getNameEn())).toList());
		for (int i = 0; i < EMPTY_HOLIDAYS; i++) {
			holidays.add(new HolidayRow("", "", ""));
		}
		model.addAttribute("calendar", calendar);
		model.addAttribute("existing", existing);
		model.addAttribute("days", days);
		model.addAttribute("holidays", holidays);
		model.addAttribute("errors", errors);
		return "console/sla-calendar";
	}
}
