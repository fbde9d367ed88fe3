package com.rapport.ordertracking.receivables.grpc;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.google.protobuf.Timestamp;
import com.rapport.contracts.ordertracking.v1.GetInvoiceRequest;
import com.rapport.contracts.ordertracking.v1.GetReminderCadenceRequest;
import com.rapport.contracts.ordertracking.v1.Instalment;
import com.rapport.contracts.ordertracking.v1.Invoice;
import com.rapport.contracts.ordertracking.v1.ListInvoicesRequest;
import com.rapport.contracts.ordertracking.v1.ListInvoicesResponse;
import com.rapport.contracts.ordertracking.v1.ReceivablesServiceGrpc;
import com.rapport.contracts.ordertracking.v1.RecordInstalmentPlanRequest;
import com.rapport.contracts.ordertracking.v1.RecordPromiseToPayRequest;
import com.rapport.contracts.ordertracking.v1.ReminderCadence;
import com.rapport.contracts.ordertracking.v1.ReminderStep;
import com.rapport.ordertracking.customer.CustomerDirectory;
import com.rapport.ordertracking.receivables.CadenceSettings;
import com.rapport.ordertracking.receivables.Receivables;
import com.rapport.support.error.Message;
import com.rapport.support.error.UnprocessableException;
import com.rapport.support.security.Caller;
import io.grpc.stub.StreamObserver;

import org.springframework.grpc.server.service.GrpcService;

/** The portal's and the console's receivables (who may what: {@link Receivables}, {@link CadenceSettings}). */
@GrpcService
class ReceivablesGrpcService extends ReceivablesServiceGrpc.ReceivablesServiceImplBase {

	private final Receivables receivables;

	private final CadenceSettings cadence;

	private final CustomerDirectory customers;

	ReceivablesGrpcService(Receivables receivables, CadenceSettings cadence, CustomerDirectory customers) {
		this.receivables = receivables;
		this.cadence = cadence;
		this.customers = customers;
	}

	@Override
	public void listInvoices(ListInvoicesRequest request, StreamObserver<ListInvoicesResponse> response) {
		Caller caller = Caller.current();
		var invoices = receivables.list(caller, request.getCustomerId(), request.getOpenOnly(), request.getPageSize());
		var current = cadence.current().cadence();
		LocalDate today = receivables.today();
		Map<String, String> names = new HashMap<>();
		ListInvoicesResponse.Builder answer = ListInvoicesResponse.newBuilder();
		invoices.forEach(i -> answer.addInvoices(toProto(i, current, today,
				names.computeIfAbsent(i.customerId(), id -> customers.nameOf(id).orElse("")))));
		response.onNext(answer.build());
		response.onCompleted();
	}

	@Override
	public void getInvoice(GetInvoiceRequest request, StreamObserver<Invoice> response) {
		answer(receivables.get(Caller.current(), request.getInvoiceId()), response);
	}

	@Override
	public void recordPromiseToPay(RecordPromiseToPayRequest request, StreamObserver<Invoice> response) {
		Caller caller = Caller.current();
		LocalDate payBy = date(request.getPayBy(), "pay_by", caller);
		answer(receivables.promise(caller, request.getInvoiceId(), payBy, request.getNote()), response);
	}

	@Override
	public void recordInstalmentPlan(RecordInstalmentPlanRequest request, StreamObserver<Invoice> response) {
		Caller caller = Caller.current();
		List<Receivables.PlannedInstalment> plan = new ArrayList<>();
		for (int i = 0; i < request.getInstalmentsCount(); i++) {
			Instalment part = request.getInstalments(i);
			BigDecimal amount;
			try {
				amount = new BigDecimal(part.getAmount().trim());
			}
			catch (NumberFormatException ex) {
				amount = null;
			}
			LocalDate due;
			try {
				due = LocalDate.parse(part.getDueDate().trim());
			}
			catch (DateTimeParseException ex) {
				due = null;
			}
			plan.add(new Receivables.PlannedInstalment(due, amount));
		}
		answer(receivables.instalments(caller, request.getInvoiceId(), plan, request.getNote()), response);
	}

	@Override
	public void getReminderCadence(GetReminderCadenceRequest request, StreamObserver<ReminderCadence> response) {
		var current = cadence.read(Caller.current());
		response.onNext(ReminderCadence.newBuilder().addAllOffsetsDays(current.cadence().offsets())
			.setCustomised(current.customised()).build());
		response.onCompleted();
	}

	@Override
	public void updateReminderCadence(ReminderCadence request, StreamObserver<ReminderCadence> response) {
		var current = cadence.update(Caller.current(), request.getOffsetsDaysList());
		response.onNext(ReminderCadence.newBuilder().addAllOffsetsDays(current.cadence().offsets())
			.setCustomised(current.customised()).build());
		response.onCompleted();
	}

	private void answer(com.rapport.ordertracking.receivables.Invoice invoice, StreamObserver<Invoice> response) {
		response.onNext(toProto(invoice, cadence.current().cadence(), receivables.today(),
				customers.nameOf(invoice.customerId()).orElse("")));
		response.onCompleted();
	}

	/** A date the caller typed; who may call is checked first, so that a refusal tells nothing of the form. */
	private LocalDate date(String text, String field, Caller caller) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(text.trim());
		}
		catch (DateTimeParseException ex) {
			if (!(caller.hasRole(Caller.AGENT) || caller.hasRole(Caller.MANAGER) || caller.hasRole(Caller.ADMIN))) {
				throw new org.springframework.security.access.AccessDeniedException("Staff only");
			}
			throw UnprocessableException.field(Message.of("receivables.promise.invalid"), field,
					Message.of("receivables.date.format"));
		}
	}

	static Invoice toProto(com.rapport.ordertracking.receivables.Invoice i,
			com.rapport.ordertracking.receivables.ReminderCadence cadence, LocalDate today, String name) {
		Invoice.Builder b = Invoice.newBuilder().setId(i.id()).setCustomerId(i.customerId()).setCustomerName(name)
			.setInvoiceNumber(i.invoiceNumber()).setOrderNumber(text(i.orderNumber()))
			.setCurrency(i.amount().currency()).setAmount(i.amount().amount().toPlainString())
			.setDueDate(i.dueDate().toString()).setStatus(i.status().name())
			.setDaysOverdue((int) ChronoUnit.DAYS.between(i.dueDate(), today))
			.setCadenceState(cadence.stateOf(i, today).name())
			.setStyle(i.style() == null ? "" : i.style().name())
			.setReceivedAt(timestamp(i.receivedAt()));
		cadence.stepsOf(i).forEach(s -> b.addReminders(ReminderStep.newBuilder().setOffsetDays(s.offset())
			.setTone(s.tone().name()).setDate(s.date().toString()).setSent(s.sent())));
		if (i.open()) {
			cadence.nextStep(i).ifPresent(s -> b.setNextReminderDate(s.date().toString()));
		}
		if (i.promise() != null) {
			b.setPromisedPayBy(i.promise().payBy().toString()).setPromiseNote(text(i.promise().note()));
		}
		java.util.Currency currency = java.util.Currency.getInstance(i.amount().currency());
		i.instalments().forEach(p -> b.addInstalments(Instalment.newBuilder().setDueDate(p.dueDate().toString())
			.setAmount(BigDecimal.valueOf(p.minorUnits(), Math.max(currency.getDefaultFractionDigits(), 0))
				.toPlainString())));
		if (i.settledAt() != null) {
			b.setSettledAt(timestamp(i.settledAt()));
		}
		return b.build();
	}

	private static String text(String value) {
		return value == null ? "" : value;
	}

	private static Timestamp timestamp(Instant instant) {
		return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).setNanos(instant.getNano()).build();
	}
}
