package com.rapport.ordertracking.order.grpc;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import com.rapport.contracts.ordertracking.v1.Delay;
import com.rapport.contracts.ordertracking.v1.DelayCause;
import com.rapport.contracts.ordertracking.v1.DelayRemedy;
import com.rapport.contracts.ordertracking.v1.Milestone;
import com.rapport.contracts.ordertracking.v1.Order;
import com.rapport.contracts.ordertracking.v1.RecordDelayRequest;
import com.rapport.contracts.ordertracking.v1.ListOrdersRequest;
import com.rapport.ordertracking.order.DelayReport;
import com.rapport.ordertracking.order.MilestoneCode;
import com.rapport.ordertracking.order.OrderSearch;
import com.rapport.support.error.Message;
import com.rapport.support.error.UnprocessableException;

/** Milestones, progress and delays between the domain and the proto (the order's other fields are the service's). */
final class OrderProtos {

	private OrderProtos() {
	}

	static Milestone milestone(com.rapport.ordertracking.order.Milestone m) {
		Milestone.Builder builder = Milestone.newBuilder().setCode(OrderTrackingGrpcService.code(m.code()))
			.setOccurredAt(OrderTrackingGrpcService.timestamp(m.occurredAt())).setNote(text(m.note()))
			.setEventId(text(m.eventId())).setPlace(text(m.place())).setCarrier(text(m.carrier()))
			.setTrackingNumber(text(m.trackingNumber())).setTrackingLink(text(m.trackingLink()))
			.setBackwards(m.backwards());
		if (m.receivedAt() != null) {
			builder.setReceivedAt(OrderTrackingGrpcService.timestamp(m.receivedAt()));
		}
		return builder.build();
	}

	/** The ETA, the promise's reason, the cancellation and the delay. */
	static void progress(com.rapport.ordertracking.order.Order order, Order.Builder builder) {
		if (order.eta() != null) {
			builder.setEta(order.eta().toString());
		}
		builder.setPromisedDateReason(text(order.promisedDateReason())).setCancelled(order.cancelled())
			.setCancelReason(text(order.cancelReason())).setAtRisk(order.atRisk());
		if (order.cancelledAt() != null) {
			builder.setCancelledAt(OrderTrackingGrpcService.timestamp(order.cancelledAt()));
		}
		var delay = order.delay();
		if (delay != null) {
			Delay.Builder proto = Delay.newBuilder().setCause(DelayCause.valueOf("DELAY_CAUSE_" + delay.cause().name()))
				.setDetectedAt(OrderTrackingGrpcService.timestamp(delay.detectedAt())).setReason(text(delay.reason()))
				.setRemedyNote(text(delay.remedyNote())).setRecordedBy(text(delay.recordedBy()));
			if (delay.remedy() != null) {
				proto.setRemedy(DelayRemedy.valueOf("DELAY_REMEDY_" + delay.remedy().name()));
			}
			if (delay.newDate() != null) {
				proto.setNewDate(delay.newDate().toString());
			}
			if (delay.recordedAt() != null) {
				proto.setRecordedAt(OrderTrackingGrpcService.timestamp(delay.recordedAt()));
			}
			builder.setDelay(proto);
		}
	}

	/** A staff member's delay report, checked as the partner's is over REST. */
	static DelayReport delayReport(RecordDelayRequest request) {
		if (request.getReason().isBlank() || request.getReason().length() > 500) {
			throw UnprocessableException.field(Message.of("orders.delay.reason-missing"), "reason",
					Message.of("field.required"));
		}
		if (request.getRemedy() == DelayRemedy.DELAY_REMEDY_UNSPECIFIED || request.getRemedy() == DelayRemedy.UNRECOGNIZED) {
			throw UnprocessableException.field(Message.of("orders.delay.unknown-remedy", request.getRemedy()), "remedy",
					Message.of("orders.delay.remedy"));
		}
		var remedy = com.rapport.ordertracking.order.Delay.Remedy
			.valueOf(request.getRemedy().name().substring("DELAY_REMEDY_".length()));
		LocalDate newDate = null;
		if (!request.getNewDate().isBlank()) {
			try {
				newDate = LocalDate.parse(request.getNewDate());
			}
			catch (DateTimeParseException ex) {
				throw UnprocessableException.field(Message.of("orders.delay.new-date-missing"), "newDate",
						Message.of("holiday.date.format"));
			}
		}
		if (remedy == com.rapport.ordertracking.order.Delay.Remedy.NEW_DATE && newDate == null) {
			throw UnprocessableException.field(Message.of("orders.delay.new-date-missing"), "newDate",
					Message.of("field.required"));
		}
		return new DelayReport(request.getReason(), remedy, request.getRemedyNote().isBlank() ? null
				: request.getRemedyNote(), newDate);
	}

	/** The search a list request asks for; an unknown status is INVALID_ARGUMENT naming {@code status}. */
	static OrderSearch.Filter filter(ListOrdersRequest request) {
		MilestoneCode status = null;
		if (request.getStatus() == com.rapport.contracts.ordertracking.v1.MilestoneCode.UNRECOGNIZED) {
			throw UnprocessableException.field(Message.of("problem.invalid-fields"), "status",
					Message.of("orders.milestone.code"));
		}
		if (request.getStatus() != com.rapport.contracts.ordertracking.v1.MilestoneCode.MILESTONE_CODE_UNSPECIFIED) {
			status = MilestoneCode.valueOf(request.getStatus().name().substring("MILESTONE_CODE_".length()));
		}
		return new OrderSearch.Filter(request.getOrderNumber(), request.getSku(), status);
	}

	private static String text(String value) {
		return value == null ? "" : value;
	}
}
