package com.rapport.customer.growth.grpc;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.rapport.contracts.feedback.v1.CustomerScores;
import com.rapport.contracts.feedback.v1.FeedbackServiceGrpc;
import com.rapport.contracts.feedback.v1.GetCustomerScoresRequest;
import com.rapport.contracts.feedback.v1.ListScoreFactsRequest;
import com.rapport.contracts.feedback.v1.ScoreFacts;
import com.rapport.contracts.feedback.v1.ScoreFactsServiceGrpc;
import com.rapport.contracts.ticket.v1.ListOpenTicketFactsRequest;
import com.rapport.contracts.ticket.v1.OpenTicketFacts;
import com.rapport.contracts.ticket.v1.TicketFactsServiceGrpc;
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

	private final TicketFactsServiceGrpc.TicketFactsServiceBlockingStub ticketFacts;

	private final ScoreFactsServiceGrpc.ScoreFactsServiceBlockingStub scoreFacts;

	private final RemoteCalls remoteCalls;

	private final CallTokens tokens;

	SupportSignalsClient(GrpcChannelFactory channels, RemoteCalls remoteCalls, CallTokens tokens) {
		var ticketChannel = channels.createChannel(TICKETS);
		var feedbackChannel = channels.createChannel(FEEDBACK);
		this.tickets = TicketServiceGrpc.newBlockingStub(ticketChannel);
		this.feedback = FeedbackServiceGrpc.newBlockingStub(feedbackChannel);
		this.ticketFacts = TicketFactsServiceGrpc.newBlockingStub(ticketChannel);
		this.scoreFacts = ScoreFactsServiceGrpc.newBlockingStub(feedbackChannel);
		this.remoteCalls = remoteCalls;
		this.tokens = tokens;
	}

	@Override
	public SupportFacts of(String organisationId) {
		return new SupportFacts(tickets(organisationId), scores(organisationId));
	}

	/**
	 * A page of organisations: one {@code TicketFactsService/ListOpenTicketFacts} and one
	 * {@code ScoreFactsService/ListScoreFacts} for all of them (each within {@value #PAGE_DEADLINE_SECONDS} s), so
	 * 500 organisations are two calls instead of a thousand. A service that does not answer leaves its part
	 * {@code null} for the whole page.
	 */
	@Override
	public Map<String, SupportFacts> ofAll(List<String> organisationIds) {
		Map<String, SupportFacts.Tickets> open = ticketsOf(organisationIds);
		Map<String, SupportFacts.Scores> scores = scoresOf(organisationIds);
		Map<String, SupportFacts> facts = new LinkedHashMap<>();
		organisationIds.forEach(id -> facts.put(id, new SupportFacts(open == null ? null : open.get(id),
				scores == null ? null : scores.get(id))));
		return facts;
	}

	/** A page of organisations' answer may take longer than one organisation's 2 s. */
	static final long PAGE_DEADLINE_SECONDS = 30;

	private Map<String, SupportFacts.Tickets> ticketsOf(List<String> organisationIds) {
		try {
			Map<String, SupportFacts.Tickets> byId = new HashMap<>();
			remoteCalls.read(TICKETS, () -> ticketFacts.withCallCredentials(tokens.asService())
				.withDeadlineAfter(PAGE_DEADLINE_SECONDS, TimeUnit.SECONDS)
				.listOpenTicketFacts(ListOpenTicketFactsRequest.newBuilder().addAllCustomerIds(organisationIds).build()))
				.getCustomersList()
				.forEach((OpenTicketFacts f) -> byId.put(f.getCustomerId(),
						new SupportFacts.Tickets(f.getOpenComplaints(), f.getBreachedCount())));
			return byId;
		}
		catch (RuntimeException ex) {
			log.warn("Open tickets of {} organisations not read: {}", organisationIds.size(), ex.toString());
			return null;
		}
	}

	private Map<String, SupportFacts.Scores> scoresOf(List<String> organisationIds) {
		try {
			Map<String, SupportFacts.Scores> byId = new HashMap<>();
			remoteCalls.read(FEEDBACK, () -> scoreFacts.withCallCredentials(tokens.asService())
				.withDeadlineAfter(PAGE_DEADLINE_SECONDS, TimeUnit.SECONDS)
				.listScoreFacts(ListScoreFactsRequest.newBuilder().addAllCustomerIds(organisationIds).build()))
				.getCustomersList()
				.forEach((ScoreFacts f) -> byId.put(f.getCustomerId(), new SupportFacts.Scores(
						f.hasCsatPercentBp() ? f.getCsatPercentBp() : null, f.hasNps() ? f.getNps() : null)));
			return byId;
		}
		catch (RuntimeException ex) {
			log.warn("Survey scores of {} organisations not read: {}", organisationIds.size(), ex.toString());
			return null;
		}
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
