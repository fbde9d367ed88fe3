package com.rapport.ticket.sla;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.rapport.support.audit.AuditTrail;
import com.rapport.support.error.Message;
import com.rapport.support.error.UnprocessableException;
import com.rapport.support.security.Caller;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.validation.Errors;
import org.springframework.validation.MapBindingResult;

/**
 * The SLA policies (tier × priority) and business calendars in force: those managers stored in the service
 * ({@code sla_policies}, {@code business_calendars}), else the settings' defaults ({@link SlaProperties}).
 * Staff read them; managers and admins change them, validated (every bad field named) and audited. A change
 * applies to tickets opened (or re-prioritised) afterwards: a ticket keeps the due times it has.
 */
@Service
public class SlaSettings {

	/** The longest target a policy may promise. */
	static final Duration MAX_TARGET = Duration.ofDays(365);

	static final int MAX_NAME = 80;

	static final int MAX_HOLIDAYS = 200;

	private static final Pattern CALENDAR_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");

	private final MongoTemplate mongo;

	private final SlaProperties defaults;

	private final AuditTrail audit;

	private final Clock clock;

	public SlaSettings(MongoTemplate mongo, SlaProperties defaults, AuditTrail audit, Clock clock) {
		this.mongo = mongo;
		this.defaults = defaults;
		this.audit = audit;
		this.clock = clock;
	}

	/** The share of a target left below which a ticket is at risk (a setting). */
	public int atRiskPercent() {
		return defaults.atRiskPercent();
	}

	/** The policy a ticket of {@code tier} and {@code priority} is opened under now. */
	public SlaPolicy policy(Tier tier, Priority priority) {
		SlaPolicy stored = mongo.findById(SlaPolicy.idOf(tier, priority), SlaPolicy.class);
		return stored != null ? stored : defaults.defaultPolicy(tier, priority);
	}

	/** The calendar {@code id}: stored, else the standard one; none (tickets from before calendars): wall-clock. */
	public BusinessCalendar calendar(String id) {
		if (id == null) {
			return BusinessCalendar.ROUND_THE_CLOCK;
		}
		BusinessCalendar stored = mongo.findById(id, BusinessCalendar.class);
		if (stored != null) {
			return stored;
		}
		BusinessCalendar standard = BusinessCalendar.STANDARD.equals(id) ? null
				: mongo.findById(BusinessCalendar.STANDARD, BusinessCalendar.class);
		return standard != null ? standard : defaults.standardCalendar();
	}

	/** Every policy in force, by tier (VIP, key, normal) and priority (urgent first). */
	public List<SlaPolicy> policies(Caller caller) {
		requireStaff(caller);
		List<SlaPolicy> policies = new ArrayList<>();
		for (Tier tier : Tier.values()) {
			for (int p = Priority.values().length - 1; p >= 0; p--) {
				policies.add(policy(tier, Priority.values()[p]));
			}
		}
		return policies;
	}

	/** Every calendar: the standard one first (stored or from the settings), then the others by id. */
	public List<BusinessCalendar> calendars(Caller caller) {
		requireStaff(caller);
		List<BusinessCalendar> calendars = new ArrayList<>();
		calendars.add(calendar(BusinessCalendar.STANDARD));
		mongo.find(new Query().with(Sort.by("_id")), BusinessCalendar.class).stream()
			.filter(c -> !BusinessCalendar.STANDARD.equals(c.id())).forEach(calendars::add);
		return calendars;
	}

	/**
	 * Stores the policy of its tier and priority (managers and admins), refused with every bad field named
	 * ({@code sla.cannot-save-policy}); audited as {@code sla.policy-changed}.
	 */
	public SlaPolicy savePolicy(Caller caller, SlaPolicy policy) {
		requireManager(caller);
		Errors errors = new MapBindingResult(new LinkedHashMap<>(), "policy");
		if (policy.tier() == null) {
			errors.rejectValue("tier", "field.required");
		}
		if (policy.priority() == null) {
			errors.rejectValue("priority", "field.required");
		}
		checkTarget(errors, "firstResponse", policy.firstResponse());
		checkTarget(errors, "nextReply", policy.nextReply());
		checkTarget(errors, "resolution", policy.resolution());
		if (isTarget(policy.firstResponse()) && isTarget(policy.resolution())
				&& policy.resolution().compareTo(policy.firstResponse()) < 0) {
			errors.rejectValue("resolution", "sla.resolution.before-first-response");
		}
		String calendarId = policy.calendarId() == null || policy.calendarId().isBlank() ? BusinessCalendar.STANDARD
				: policy.calendarId().strip();
		if (!BusinessCalendar.STANDARD.equals(calendarId) && !mongo.exists(Query.query(
				Criteria.where("_id").is(calendarId)), BusinessCalendar.class)) {
			errors.rejectValue("calendarId", "sla.calendar.unknown", new Object[] { calendarId }, null);
		}
		UnprocessableException.throwIfAny(Message.of("sla.cannot-save-policy"), errors);
		SlaPolicy before = policy(policy.tier(), policy.priority());
		SlaPolicy saved = mongo.save(SlaPolicy.of(policy.tier(), policy.priority(), policy.firstResponse(),
				policy.nextReply(), policy.resolution(), calendarId).changedBy(caller.name(), clock.instant()));
		Map<String, String> details = new LinkedHashMap<>();
		details.put("policy", saved.id());
		details.put("first_response", before.firstResponse() + " -> " + saved.firstResponse());
		details.put("next_reply", before.nextReply() + " -> " + saved.nextReply());
		details.put("resolution", before.resolution() + " -> " + saved.resolution());
		details.put("calendar", before.calendarId() + " -> " + saved.calendarId());
		audit.record(caller, "sla.policy-changed", "sla-policy", saved.id(), null, details);
		return saved;
	}

	/**
	 * Stores a calendar (managers and admins), new or changed, refused with every bad field named
	 * ({@code sla.cannot-save-calendar}); audited as {@code sla.calendar-changed}.
	 */
	public BusinessCalendar saveCalendar(Caller caller, BusinessCalendar calendar) {
		requireManager(caller);
		Errors errors = new MapBindingResult(new LinkedHashMap<>(), "calendar");
		String id = calendar.id() == null ? "" : calendar.id().strip();
		if (id.isEmpty()) {
			errors.rejectValue("id", "field.required");
		}
		else if (!CALENDAR_ID.matcher(id).matches()) {
			errors.rejectValue("id", "sla.calendar.id-format");
		}
		String name = calendar.name() == null ? "" : calendar.name().strip();
		checkName(errors, "name", name);
		if (calendar.timeZone() == null || calendar.timeZone().isBlank()) {
			errors.rejectValue("timeZone", "field.required");
		}
		else {
			try {
				ZoneId.of(calendar.timeZone().strip());
			}
			catch (DateTimeException ex) {
				errors.rejectValue("timeZone", "sla.calendar.time-zone", new Object[] { calendar.timeZone().strip() }, null);
			}
		}
		checkHours(errors, calendar.hours());
		checkHolidays(errors, calendar.holidays());
		UnprocessableException.throwIfAny(Message.of("sla.cannot-save-calendar"), errors);
		List<Holiday> holidays = calendar.holidays().stream()
			.map(h -> new Holiday(h.date(), h.nameZh().strip(), h.nameEn().strip()))
			.sorted(Comparator.comparing(Holiday::date)).toList();
		List<WorkingHours> hours = calendar.hours().stream()
			.sorted(Comparator.comparing(WorkingHours::day)).toList();
		BusinessCalendar saved = mongo.save(new BusinessCalendar(id, name, calendar.timeZone().strip(), hours, holidays,
				clock.instant(), caller.name()));
		Map<String, String> details = new LinkedHashMap<>();
		details.put("calendar", saved.id());
		details.put("time_zone", saved.timeZone());
		details.put("working_days", String.valueOf(hours.size()));
		details.put("holidays", String.valueOf(holidays.size()));
		audit.record(caller, "sla.calendar-changed", "business-calendar", saved.id(), null, details);
		return saved;
	}

	/**
	 * Stores {@code calendar} unless one with its id is stored: the platform's own work (the demo data), not
	 * audited and not validated beyond what a calendar must have to count time.
	 */
	public void storeIfAbsent(BusinessCalendar calendar) {
		if (!calendar.hasWorkingTime()) {
			throw new IllegalArgumentException("Calendar " + calendar.id() + " has no working time");
		}
		if (!mongo.exists(Query.query(Criteria.where("_id").is(calendar.id())), BusinessCalendar.class)) {
			mongo.insert(calendar);
		}
	}

	private static void checkTarget(Errors errors, String field, Duration target) {
		if (target == null || target.isZero()) {
			errors.rejectValue(field, "field.required");
		}
		else if (!isTarget(target)) {
			errors.rejectValue(field, "sla.target.range", new Object[] { MAX_TARGET.toHours() }, null);
		}
	}

	private static boolean isTarget(Duration target) {
		return target != null && !target.isNegative() && !target.isZero() && target.compareTo(MAX_TARGET) <= 0;
	}

	private static void checkName(Errors errors, String field, String name) {
		if (name == null || name.isBlank()) {
			errors.rejectValue(field, "field.required");
		}
		else if (name.strip().length() > MAX_NAME) {
			errors.rejectValue(field, "field.too-long", new Object[] { MAX_NAME }, null);
		}
	}

	private static void checkHours(Errors errors, List<WorkingHours> hours) {
		Set<DayOfWeek> seen = new HashSet<>();
		boolean working = false;
		for (int i = 0; i < hours.size(); i++) {
			WorkingHours day = hours.get(i);
			String field = "hours[" + i + "]";
			if (day.day() == null) {
				errors.rejectValue(field + ".day", "field.required");
			}
			else if (!seen.add(day.day())) {
				errors.rejectValue(field + ".day", "sla.calendar.day-twice", new Object[] { day.day() }, null);
			}
			boolean from = WorkingHours.isTime(day.from()) && !"24:00".equals(day.from());
			boolean to = WorkingHours.isTime(day.to());
			if (!from) {
				errors.rejectValue(field + ".from", "sla.calendar.time-format");
			}
			if (!to) {
				errors.rejectValue(field + ".to", "sla.calendar.time-format");
			}
			if (from && to) {
				if (day.toMinute() <= day.fromMinute()) {
					errors.rejectValue(field + ".to", "sla.calendar.end-before-start");
				}
				else {
					working = true;
				}
			}
		}
		if (!working && !errors.hasFieldErrors("hours*")) {
			errors.rejectValue("hours", "sla.calendar.no-working-time");
		}
	}

	private static void checkHolidays(Errors errors, List<Holiday> holidays) {
		if (holidays.size() > MAX_HOLIDAYS) {
			errors.rejectValue("holidays", "sla.calendar.too-many-holidays", new Object[] { MAX_HOLIDAYS }, null);
			return;
		}
		Set<LocalDate> dates = new HashSet<>();
		for (int i = 0; i < holidays.size(); i++) {
			Holiday holiday = holidays.get(i);
			String field = "holidays[" + i + "]";
			if (holiday.date() == null) {
				errors.rejectValue(field + ".date", "field.required");
			}
			else if (!dates.add(holiday.date())) {
				errors.rejectValue(field + ".date", "sla.calendar.holiday-twice", new Object[] { holiday.date() }, null);
			}
			checkName(errors, field + ".nameZh", holiday.nameZh());
			checkName(errors, field + ".nameEn", holiday.nameEn());
		}
	}

	private static void requireStaff(Caller caller) {
		if (!caller.hasRole(Caller.AGENT) && !caller.hasRole(Caller.MANAGER) && !caller.hasRole(Caller.ADMIN)) {
			throw new AccessDeniedException("SLA settings are for staff");
		}
	}

	private static void requireManager(Caller caller) {
		if (!caller.hasRole(Caller.MANAGER) && !caller.hasRole(Caller.ADMIN)) {
			throw new AccessDeniedException("SLA settings are changed by managers");
		}
	}
}
