package com.rapport.customer.growth.grpc;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.rapport.contracts.feedback.v1.CustomerScores;
import com.rapport.contracts.feedback.v1.FeedbackServiceGrpc;
import com.rapport.contracts.feedback.v1.GetCustomerScoresRequest;
import com.rapport.contracts.ticket.v1.ListOpenTicketsRequest;
import com.rapport.contracts.ticket.v1.ListOpenTicketsResponse;
import com.rapport.contracts.ticket.v1.TicketKind;
import com.rapport.contracts.ticket.v1.TicketServiceGrpc;
import com.rapport.customer.growth.SupportFacts;
import com.rapport.customer.growth.SupportSignals;
import com.rapport.support.grpc.CallTokens;
import com.rapport.support.grpc.RemoteCalls;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.grpc.client.GrpcChannelFactory;
import org.springframework.stereotype.Component;

/**
 * The churn risk's view of tickets and scores, asked as this service (role internal) over gRPC, each through its
 * own circuit breaker and with its channel's deadline ({@code spring.grpc.client.channels.ticket-service.*},
 * {@code .feedback-service.*}): ticket-service's {@code ListOpenTickets} (open complaints among the 100 most
 * urgent, and the breached count of all open tickets) and feedback-service's {@code GetCustomerScores} (the
 * window's CSAT share and NPS). A service that does not answer leaves its part {@code null}: the risk says so.
 * {@code rapport.growth.support-signals=false} (the module's tests) asks neither.
 */
@Component
@ConditionalOnBooleanProperty(name = "rapport.growth.support-signals", matchIfMissing = true)
class SupportSignalsClient implements SupportSignals {

	private static final Logger log = LoggerFactory.getLogger(SupportSignalsClient.class);

	static final String TICKETS = "ticket-service";

	static final String FEEDBACK = "feedback-service";

	private final TicketServiceGrpc.TicketServiceBlockingStub tickets;

	private final FeedbackServiceGrpc.FeedbackServiceBlockingStub feedback;

	private final RemoteCalls remoteCalls;

	private final CallTokens tokens;

	SupportSignalsClient(GrpcChannelFactory channels, RemoteCalls remoteCalls, CallTokens tokens) {
		this.tickets = TicketServiceGrpc.newBlockingStub(channels.createChannel(TICKETS));
		this.feedback = FeedbackServiceGrpc.newBlockingStub(channels.createChannel(FEEDBACK));
		this.remoteCalls = remoteCalls;
		this.tokens = tokens;
	}

	@Override
	public SupportFacts of(String organisationId) {
		return new SupportFacts(tickets(organisationId), scores(organisationId));
	}

	private SupportFacts.Tickets tickets(String organisationId) {
		try {
			ListOpenTicketsResponse open = remoteCalls.read(TICKETS, () -> tickets.withCallCredentials(tokens.asService())
				.listOpenTickets(ListOpenTicketsRequest.newBuilder().setCustomerId(organisationId).setPageSize(100).build()));
			int complaints = (int) open.getTicketsList().stream()
				.filter(t -> t.getKind() == TicketKind.TICKET_KIND_COMPLAINT)
				.count();
			return new SupportFacts.Tickets(complaints, open.getBreachedCount());
		}
		catch (RuntimeException ex) {
			log.debug("Open tickets of {} not read: {}", organisationId, ex.toString());
			return null;
		}
	}

	private SupportFacts.Scores scores(String organisationId) {
		try {
			CustomerScores scores = remoteCalls.read(FEEDBACK, () -> feedback.withCallCredentials(tokens.asService())
				.getCustomerScores(GetCustomerScoresRequest.newBuilder().setCustomerId(organisationId).build()));
			return new SupportFacts.Scores(scores.hasCsatPercentBp() ? scores.getCsatPercentBp() : null,
					scores.hasNps() ? scores.getNps() : null);
		}
		catch (RuntimeException ex) {
			log.debug("Survey scores of {} not read: {}", organisationId, ex.toString());
			return null;
		}
	}
}
