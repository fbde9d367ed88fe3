package com.rapport.feedback.facts.grpc;

import com.rapport.contracts.feedback.v1.ListScoreFactsRequest;
import com.rapport.contracts.feedback.v1.ListScoreFactsResponse;
import com.rapport.contracts.feedback.v1.ScoreFactsServiceGrpc;
import com.rapport.feedback.facts.ScoreFacts;
import com.rapport.support.security.Caller;
import io.grpc.stub.StreamObserver;

import org.springframework.grpc.server.service.GrpcService;

/** The CSAT share and NPS of a page of organisations (customer-service's growth recompute; services alone). */
@GrpcService
class ScoreFactsGrpcService extends ScoreFactsServiceGrpc.ScoreFactsServiceImplBase {

	private final ScoreFacts facts;

	ScoreFactsGrpcService(ScoreFacts facts) {
		this.facts = facts;
	}

	@Override
	public void listScoreFacts(ListScoreFactsRequest request, StreamObserver<ListScoreFactsResponse> response) {
		ListScoreFactsResponse.Builder answer = ListScoreFactsResponse.newBuilder()
			.setWindowDays(Math.toIntExact(facts.windowDays()));
		facts.of(Caller.current(), request.getCustomerIdsList()).forEach(f -> {
			com.rapport.contracts.feedback.v1.ScoreFacts.Builder one = com.rapport.contracts.feedback.v1.ScoreFacts
				.newBuilder().setCustomerId(f.customerId()).setCsatCount(f.csatCount()).setNpsCount(f.npsCount());
			f.csatPercentBasisPoints().ifPresent(one::setCsatPercentBp);
			f.nps().ifPresent(one::setNps);
			answer.addCustomers(one);
		});
		response.onNext(answer.build());
		response.onCompleted();
	}
}
