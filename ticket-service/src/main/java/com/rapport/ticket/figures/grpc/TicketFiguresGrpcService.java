package com.rapport.ticket.figures.grpc;

import com.rapport.contracts.ticket.v1.Backlog;
import com.rapport.contracts.ticket.v1.GetTicketFiguresRequest;
import com.rapport.contracts.ticket.v1.TicketFiguresServiceGrpc;
import com.rapport.contracts.ticket.v1.TicketPeriodFigures;
import com.rapport.support.security.Caller;
import com.rapport.ticket.figures.TicketFigures;
import io.grpc.stub.StreamObserver;

import org.springframework.grpc.server.service.GrpcService;

/** The dashboard's and the scorecard's ticket figures; the figures service decides who reads which. */
@GrpcService
class TicketFiguresGrpcService extends TicketFiguresServiceGrpc.TicketFiguresServiceImplBase {

	private final TicketFigures figures;

	TicketFiguresGrpcService(TicketFigures figures) {
		this.figures = figures;
	}

	@Override
	public void getTicketFigures(GetTicketFiguresRequest request,
			StreamObserver<com.rapport.contracts.ticket.v1.TicketFigures> response) {
		TicketFigures.Figures answer = figures.of(Caller.current(), request.getFromMonth(), request.getToMonth(),
				request.getCustomerId());
		com.rapport.contracts.ticket.v1.TicketFigures.Builder builder = com.rapport.contracts.ticket.v1.TicketFigures
			.newBuilder().setTotal(toProto(answer.total())).setOpen(answer.open()).setBreached(answer.breached());
		answer.months().forEach(month -> builder.addMonths(toProto(month)));
		answer.byTier().forEach(b -> builder.addByTier(toProto(b)));
		answer.byChannel().forEach(b -> builder.addByChannel(toProto(b)));
		answer.byAssignee().forEach(b -> builder.addByAssignee(toProto(b)));
		TicketFigures.Commitments promises = answer.commitments();
		promises.byMonth().forEach(p -> builder.addCommitmentsByMonth(toProto(p)));
		builder.setCommitmentsTotal(toProto(promises.total()));
		promises.byOwner().forEach(p -> builder.addCommitmentsByOwner(toProto(p)));
		promises.byOrganisation().forEach(p -> builder.addCommitmentsByOrganisation(toProto(p)));
		answer.calendars().forEach(c -> builder.addWorkingTimeCalendars(
				com.rapport.contracts.ticket.v1.FiguresCalendar.newBuilder().setId(c.id()).setName(orEmpty(c.name()))));
		response.onNext(builder.build());
		response.onCompleted();
	}

	static TicketPeriodFigures toProto(TicketFigures.Period period) {
		TicketPeriodFigures.Builder builder = TicketPeriodFigures.newBuilder().setLabel(period.label())
			.setResolved(period.resolved()).setFirstContactResolved(period.firstContactResolved())
			.setSlaKept(period.slaKept());
		if (period.responded() > 0) {
			builder.setFirstResponseSecondsAverage(Math.round((double) period.firstResponseSeconds() / period.responded()));
		}
		if (period.responded() > 0 && period.workingTimeCounted()) {
			builder.setFirstResponseWorkingSecondsAverage(
					Math.round((double) period.firstResponseWorkingSeconds() / period.responded()));
		}
		if (period.resolved() > 0 && period.workingTimeCounted()) {
			builder.setHandlingWorkingSecondsAverage(
					Math.round((double) period.handlingWorkingSeconds() / period.resolved()));
		}
		if (period.resolved() > 0) {
			builder.setHandlingSecondsAverage(Math.round((double) period.handlingSeconds() / period.resolved()))
				.setFirstContactResolutionBp((int) (10_000L * period.firstContactResolved() / period.resolved()))
				.setSlaKeptBp((int) (10_000L * period.slaKept() / period.resolved()));
		}
		return builder.build();
	}

	private static com.rapport.contracts.ticket.v1.CommitmentFigures toProto(TicketFigures.Promises promises) {
		return com.rapport.contracts.ticket.v1.CommitmentFigures.newBuilder().setKey(promises.key())
			.setKept(promises.kept()).setBroken(promises.broken()).build();
	}

	private static Backlog toProto(TicketFigures.Backlog backlog) {
		return Backlog.newBuilder().setKey(backlog.key()).setOpen(backlog.open()).setBreached(backlog.breached())
			.build();
	}

	private static String orEmpty(String value) {
		return value == null ? "" : value;
	}
}
