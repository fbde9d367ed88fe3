package com.rapport.portal.remote;

import com.rapport.contracts.feedback.v1.CustomerScores;
import com.rapport.contracts.feedback.v1.FeedbackServiceGrpc.FeedbackServiceBlockingStub;
import com.rapport.contracts.feedback.v1.GetCustomerScoresRequest;
import com.rapport.support.grpc.CallTokens;
import com.rapport.support.grpc.RemoteCalls;

import org.springframework.stereotype.Component;

/** Survey scores from feedback-service; it decides what the signed-in user may see (customers get no comments). */
@Component
public class FeedbackClient {

	static final String REMOTE = "feedback-service";

	private final FeedbackServiceBlockingStub stub;

	private final RemoteCalls remoteCalls;

	private final CallTokens tokens;

	FeedbackClient(FeedbackServiceBlockingStub stub, RemoteCalls remoteCalls, CallTokens tokens) {
		this.stub = stub;
		this.remoteCalls = remoteCalls;
		this.tokens = tokens;
	}

	/**
	 * The organisation's latest CSAT, NPS and CES answers and its figures; a latest answer or figure is absent
	 * ({@code hasLatestCsat()}, {@code hasNps()}...) when there is no answer to show, which is not a 0.
	 */
	public CustomerScores scores(String customerId) {
		return remoteCalls.read(REMOTE, () -> stub.withCallCredentials(tokens.forCurrentCaller())
			.getCustomerScores(GetCustomerScoresRequest.newBuilder().setCustomerId(customerId).build()));
	}
}
