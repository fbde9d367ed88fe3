package com.rapport.customer.care.web;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.rapport.customer.care.Holiday;
import com.rapport.customer.care.HolidayService;
import com.rapport.customer.care.HolidayService.HolidayInput;
import com.rapport.support.security.Caller;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The holiday calendar of the care greetings: staff read it, managers and admins edit it; customers, partners
 * and services are refused before any look-up.
 */
@RestController
class HolidayController {

	static final String HOLIDAYS = "/api/customers/v1/holidays";

	private final HolidayService holidays;

	HolidayController(HolidayService holidays) {
		this.holidays = holidays;
	}

	@GetMapping(HOLIDAYS)
	@PreAuthorize(CareTaskController.STAFF)
	HolidayList list(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
		return new HolidayList(holidays.list(Caller.current(), from, to).stream().map(HolidayView::of).toList());
	}

	@GetMapping(HOLIDAYS + "/{holidayId}")
	@PreAuthorize(CareTaskController.STAFF)
	HolidayView get(@PathVariable String holidayId) {
		return HolidayView.of(holidays.get(Caller.current(), holidayId));
	}

	@PostMapping(HOLIDAYS)
	@PreAuthorize(CareTaskController.MANAGERS)
	ResponseEntity<HolidayView> create(@RequestBody HolidayInput input) {
		Holiday created = holidays.create(Caller.current(), input);
		return ResponseEntity.created(URI.create(HOLIDAYS + "/" + created.id())).body(HolidayView.of(created));
	}

	/** Replaces the holiday: the same body as a new one. */
	@PutMapping(HOLIDAYS + "/{holidayId}")
	@PreAuthorize(CareTaskController.MANAGERS)
	HolidayView replace(@PathVariable String holidayId, @RequestBody HolidayInput input) {
		return HolidayView.of(holidays.replace(Caller.current(), holidayId, input));
	}

	@DeleteMapping(HOLIDAYS + "/{holidayId}")
	@PreAuthorize(CareTaskController.MANAGERS)
	ResponseEntity<Void> delete(@PathVariable String holidayId) {
		holidays.delete(Caller.current(), holidayId);
		return ResponseEntity.noContent().build();
	}

	record HolidayList(List<HolidayView> items) {
	}

	record HolidayView(String id, String date, List<String> countries, Map<String, String> name,
			Map<String, String> greeting, Instant createdAt, Instant updatedAt) {

		static HolidayView of(Holiday h) {
			return new HolidayView(h.id(), h.date().toString(), h.countries(), h.name(), h.greeting(), h.createdAt(),
					h.updatedAt());
		}
	}
}
