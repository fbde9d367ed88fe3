package com.rapport.portal.remote;

import java.util.List;

import com.rapport.contracts.feedback.v1.Improvement;
import com.rapport.contracts.feedback.v1.ImprovementServiceGrpc.ImprovementServiceBlockingStub;
import com.rapport.contracts.feedback.v1.ListImprovementsRequest;
import com.rapport.contracts.feedback.v1.RecordImprovementRequest;
import com.rapport.support.grpc.CallTokens;
import com.rapport.support.grpc.RemoteCalls;

import org.springframework.stereotype.Component;

/** "You said, we did" in feedback-service, with the signed-in user's token; it decides who reads and records. */
@Component
public class ImprovementClient {

	private final ImprovementServiceBlockingStub stub;

	private final RemoteCalls remoteCalls;

	private final CallTokens tokens;

	ImprovementClient(ImprovementServiceBlockingStub stub, RemoteCalls remoteCalls, CallTokens tokens) {
		this.stub = stub;
		this.remoteCalls = remoteCalls;
		this.tokens = tokens;
	}

	/** Newest first: a contact's own organisation's and everyone's; for staff, every one or one organisation's. */
	public List<Improvement> list(String customerId) {
		return remoteCalls.read(SurveyClient.REMOTE, () -> stub.withCallCredentials(tokens.forCurrentCaller())
			.listImprovements(ListImprovementsRequest.newBuilder().setCustomerId(customerId == null ? "" : customerId)
				.build()))
			.getImprovementsList();
	}

	/** Records it once by {@code id} (a repeat of the same form stores nothing twice). */
	public Improvement record(String id, String customerId, String youSaid, String weDid) {
		return remoteCalls.write(SurveyClient.REMOTE, () -> stub.withCallCredentials(tokens.forCurrentCaller())
			.recordImprovement(RecordImprovementRequest.newBuilder().setImprovementId(id)
				.setCustomerId(customerId == null ? "" : customerId).setYouSaid(youSaid == null ? "" : youSaid)
				.setWeDid(weDid == null ? "" : weDid).build()));
	}
}
