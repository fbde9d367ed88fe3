package com.rapport.ticket.figures.grpc;

import com.rapport.contracts.ticket.v1.TicketPeriodFigures;
import com.rapport.ticket.figures.TicketFigures;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The figures as the dashboard reads them: no ticket is no figure, never 0; shares rounded down. */
public class TicketFiguresGrpcServiceTests {

	/** The period as the service answers it (for tests of other packages). */
	public static TicketPeriodFigures toProto(TicketFigures.Period period) {
		return TicketFiguresGrpcService.toProto(period);
	}

	@Test
	void withoutResolvedTicketsThereIsNoAverageAndNoShare() {
		TicketPeriodFigures none = TicketFiguresGrpcService.toProto(new TicketFigures.Period("2026-11", 0, 0, 0, 0, 0, 0));

		assertThat(none.getResolved()).isZero();
		assertThat(none.hasFirstResponseSecondsAverage()).isFalse();
		assertThat(none.hasHandlingSecondsAverage()).isFalse();
		assertThat(none.hasFirstResponseWorkingSecondsAverage()).isFalse();
		assertThat(none.hasHandlingWorkingSecondsAverage()).isFalse();
		assertThat(none.hasFirstContactResolutionBp()).isFalse();
		assertThat(none.hasSlaKeptBp()).isFalse();
	}

	@Test
	void sharesAreRoundedDownSoAHundredPercentMeansEveryTicket() {
		// 3 resolved, 2 answered (1 h and 2 h), 2 at first contact, 2 within the SLA.
		TicketPeriodFigures two = TicketFiguresGrpcService
			.toProto(new TicketFigures.Period("", 3, 2, 3 * 3600, 3 * 36_000, 2, 2));

		assertThat(two.getSlaKeptBp()).isEqualTo(6_666);
		assertThat(two.getFirstContactResolutionBp()).isEqualTo(6_666);
		assertThat(two.getFirstResponseSecondsAverage()).isEqualTo(5_400);
		assertThat(two.getHandlingSecondsAverage()).isEqualTo(36_000);
		assertThat(TicketFiguresGrpcService.toProto(new TicketFigures.Period("", 3, 3, 3, 3, 3, 3)).getSlaKeptBp())
			.isEqualTo(10_000);
	}
}
