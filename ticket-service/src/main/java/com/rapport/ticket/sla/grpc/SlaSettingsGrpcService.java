package com.rapport.ticket.sla.grpc;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import com.google.protobuf.ProtocolMessageEnum;
import com.google.protobuf.Timestamp;
import com.rapport.contracts.ticket.v1.ListBusinessCalendarsRequest;
import com.rapport.contracts.ticket.v1.ListBusinessCalendarsResponse;
import com.rapport.contracts.ticket.v1.ListSlaPoliciesRequest;
import com.rapport.contracts.ticket.v1.ListSlaPoliciesResponse;
import com.rapport.contracts.ticket.v1.SaveBusinessCalendarRequest;
import com.rapport.contracts.ticket.v1.SaveSlaPolicyRequest;
import com.rapport.contracts.ticket.v1.SlaTier;
import com.rapport.contracts.ticket.v1.TicketPriority;
import com.rapport.contracts.ticket.v1.TicketSlaSettingsServiceGrpc;
import com.rapport.support.error.Message;
import com.rapport.support.error.UnprocessableException;
import com.rapport.support.security.Caller;
import com.rapport.ticket.sla.BusinessCalendar;
import com.rapport.ticket.sla.Holiday;
import com.rapport.ticket.sla.Priority;
import com.rapport.ticket.sla.SlaPolicy;
import com.rapport.ticket.sla.SlaSettings;
import com.rapport.ticket.sla.Tier;
import com.rapport.ticket.sla.WorkingHours;
import io.grpc.stub.StreamObserver;

import org.springframework.grpc.server.service.GrpcService;

/**
 * The SLA policies and business calendars over gRPC; the rules (who, what is valid) are {@link SlaSettings}'.
 * Targets travel as whole minutes, weekdays as ISO numbers, dates as {@code yyyy-MM-dd}.
 */
@GrpcService
class SlaSettingsGrpcService extends TicketSlaSettingsServiceGrpc.TicketSlaSettingsServiceImplBase {

	private final SlaSettings settings;

	SlaSettingsGrpcService(SlaSettings settings) {
		this.settings = settings;
	}

	@Override
	public void listSlaPolicies(ListSlaPoliciesRequest request, StreamObserver<ListSlaPoliciesResponse> response) {
		ListSlaPoliciesResponse.Builder answer = ListSlaPoliciesResponse.newBuilder();
		settings.policies(Caller.current()).forEach(policy -> answer.addPolicies(proto(policy)));
		response.onNext(answer.build());
		response.onCompleted();
	}

	@Override
	public void saveSlaPolicy(SaveSlaPolicyRequest request,
			StreamObserver<com.rapport.contracts.ticket.v1.SlaPolicy> response) {
		Caller caller = Caller.current();
		var given = request.getPolicy();
		SlaPolicy policy = new SlaPolicy(null, domain(given.getTier(), Tier.class, "SLA_TIER_", "tier"),
				domain(given.getPriority(), Priority.class, "TICKET_PRIORITY_", "priority"),
				Duration.ofMinutes(given.getFirstResponseMinutes()), Duration.ofMinutes(given.getNextReplyMinutes()),
				Duration.ofMinutes(given.getResolutionMinutes()), given.getCalendarId(), null, null);
		response.onNext(proto(settings.savePolicy(caller, policy)));
		response.onCompleted();
	}

	@Override
	public void listBusinessCalendars(ListBusinessCalendarsRequest request,
			StreamObserver<ListBusinessCalendarsResponse> response) {
		ListBusinessCalendarsResponse.Builder answer = ListBusinessCalendarsResponse.newBuilder();
		settings.calendars(Caller.current()).forEach(calendar -> answer.addCalendars(proto(calendar)));
		response.onNext(answer.build());
		response.onCompleted();
	}

	@Override
	public void saveBusinessCalendar(SaveBusinessCalendarRequest request,
			StreamObserver<com.rapport.contracts.ticket.v1.BusinessCalendar> response) {
		Caller caller = Caller.current();
		var given = request.getCalendar();
		var hours = given.getHoursList().stream().map(h -> new WorkingHours(
				h.getDay() >= 1 && h.getDay() <= 7 ? DayOfWeek.of(h.getDay()) : null, h.getFrom(), h.getTo())).toList();
		var holidays = new java.util.ArrayList<Holiday>();
		for (int i = 0; i < given.getHolidaysCount(); i++) {
			var holiday = given.getHolidays(i);
			holidays.add(new Holiday(date(holiday.getDate(), "holidays[" + i + "].date"), holiday.getNameZh(),
					holiday.getNameEn()));
		}
		BusinessCalendar calendar = new BusinessCalendar(given.getId(), given.getName(), given.getTimeZone(), hours,
				holidays, null, null);
		response.onNext(proto(settings.saveCalendar(caller, calendar)));
		response.onCompleted();
	}

	private static LocalDate date(String value, String field) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(value.strip());
		}
		catch (DateTimeParseException ex) {
			throw UnprocessableException.field(Message.of("sla.cannot-save-calendar"), field,
					Message.of("sla.calendar.date-format"));
		}
	}

	private static com.rapport.contracts.ticket.v1.SlaPolicy proto(SlaPolicy policy) {
		var builder = com.rapport.contracts.ticket.v1.SlaPolicy.newBuilder()
			.setTier(SlaTier.valueOf("SLA_TIER_" + policy.tier().name()))
			.setPriority(TicketPriority.valueOf("TICKET_PRIORITY_" + policy.priority().name()))
			.setFirstResponseMinutes(policy.firstResponse().toMinutes())
			.setNextReplyMinutes(policy.nextReply().toMinutes()).setResolutionMinutes(policy.resolution().toMinutes())
			.setCalendarId(policy.calendarId());
		if (policy.updatedAt() != null) {
			builder.setUpdatedAt(timestamp(policy.updatedAt())).setUpdatedBy(orEmpty(policy.updatedBy()));
		}
		return builder.build();
	}

	private static com.rapport.contracts.ticket.v1.BusinessCalendar proto(BusinessCalendar calendar) {
		var builder = com.rapport.contracts.ticket.v1.BusinessCalendar.newBuilder().setId(calendar.id())
			.setName(orEmpty(calendar.name())).setTimeZone(calendar.timeZone());
		calendar.hours().forEach(h -> builder.addHours(com.rapport.contracts.ticket.v1.WorkingHours.newBuilder()
			.setDay(h.day().getValue()).setFrom(h.from()).setTo(h.to())));
		calendar.holidays().forEach(h -> builder.addHolidays(com.rapport.contracts.ticket.v1.Holiday.newBuilder()
			.setDate(h.date().toString()).setNameZh(h.nameZh()).setNameEn(h.nameEn())));
		if (calendar.updatedAt() != null) {
			builder.setUpdatedAt(timestamp(calendar.updatedAt())).setUpdatedBy(orEmpty(calendar.updatedBy()));
		}
		return builder.build();
	}

	/** The domain value named like the proto one without its prefix; null for UNSPECIFIED. */
	private static <E extends Enum<E>> E domain(ProtocolMessageEnum value, Class<E> type, String prefix, String field) {
		String name = ((Enum<?>) value).name();
		if (name.endsWith("_UNSPECIFIED")) {
			return null;
		}
		if (name.equals("UNRECOGNIZED")) {
			throw new IllegalArgumentException("Unknown value of " + field);
		}
		return Enum.valueOf(type, name.substring(prefix.length()));
	}

	private static String orEmpty(String value) {
		return value == null ? "" : value;
	}

	private static Timestamp timestamp(Instant instant) {
		return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).setNanos(instant.getNano()).build();
	}
}
