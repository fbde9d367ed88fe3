package com.rapport.customer.timeline.grpc;

import com.rapport.contracts.customer.v1.ListInteractionsRequest;
import com.rapport.contracts.customer.v1.ListInteractionsResponse;
import com.rapport.contracts.customer.v1.RecordInteractionRequest;
import com.rapport.contracts.customer.v1.RecordInteractionResponse;
import com.rapport.contracts.customer.v1.TimelineServiceGrpc;
import com.rapport.customer.timeline.Interaction;
import com.rapport.customer.timeline.TimelineService;
import com.rapport.support.grpc.PageTokens;
import com.rapport.support.security.Caller;
import io.grpc.stub.StreamObserver;

import org.springframework.data.domain.Page;
import org.springframework.grpc.server.service.GrpcService;

/** {@code rapport.customer.v1.TimelineService}: the services record into the timeline, staff and services read it. */
@GrpcService
class TimelineGrpcService extends TimelineServiceGrpc.TimelineServiceImplBase {

	private final TimelineService timeline;

	TimelineGrpcService(TimelineService timeline) {
		this.timeline = timeline;
	}

	@Override
	public void recordInteraction(RecordInteractionRequest request,
			StreamObserver<RecordInteractionResponse> response) {
		boolean recorded = timeline.record(Caller.current(), TimelineMessages.toInput(request.getInteraction()));
		response.onNext(RecordInteractionResponse.newBuilder().setRecorded(recorded).build());
		response.onCompleted();
	}

	@Override
	public void listInteractions(ListInteractionsRequest request, StreamObserver<ListInteractionsResponse> response) {
		Caller caller = Caller.current();
		int page = PageTokens.page(request.getPageToken());
		Page<Interaction> result = timeline.list(caller, request.getOrganisationId(),
				TimelineMessages.toFilter(request.getKindsList()), page, request.getPageSize());
		ListInteractionsResponse.Builder answer = ListInteractionsResponse.newBuilder();
		result.forEach(i -> answer.addInteractions(TimelineMessages.toProto(i)));
		if (result.hasNext()) {
			answer.setNextPageToken(PageTokens.of(page + 1));
		}
		response.onNext(answer.build());
		response.onCompleted();
	}
}
