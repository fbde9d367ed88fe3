package com.rapport.feedback.improvement.grpc;

import com.google.protobuf.Timestamp;
import com.rapport.contracts.feedback.v1.ImprovementServiceGrpc;
import com.rapport.contracts.feedback.v1.ListImprovementsRequest;
import com.rapport.contracts.feedback.v1.ListImprovementsResponse;
import com.rapport.contracts.feedback.v1.RecordImprovementRequest;
import com.rapport.feedback.improvement.Improvement;
import com.rapport.feedback.improvement.Improvements;
import com.rapport.support.security.Caller;
import io.grpc.stub.StreamObserver;

import org.springframework.grpc.server.service.GrpcService;

/** "You said, we did" for the console (managers record, staff read) and the portal (a contact reads its own). */
@GrpcService
class ImprovementGrpcService extends ImprovementServiceGrpc.ImprovementServiceImplBase {

	private final Improvements improvements;

	ImprovementGrpcService(Improvements improvements) {
		this.improvements = improvements;
	}

	@Override
	public void recordImprovement(RecordImprovementRequest request,
			StreamObserver<com.rapport.contracts.feedback.v1.Improvement> response) {
		response.onNext(toProto(improvements.record(Caller.current(), request.getImprovementId(),
				request.getCustomerId(), request.getYouSaid(), request.getWeDid())));
		response.onCompleted();
	}

	@Override
	public void listImprovements(ListImprovementsRequest request, StreamObserver<ListImprovementsResponse> response) {
		ListImprovementsResponse.Builder answer = ListImprovementsResponse.newBuilder();
		improvements.list(Caller.current(), request.getCustomerId(), request.getPageSize())
			.forEach(improvement -> answer.addImprovements(toProto(improvement)));
		response.onNext(answer.build());
		response.onCompleted();
	}

	private static com.rapport.contracts.feedback.v1.Improvement toProto(Improvement improvement) {
		return com.rapport.contracts.feedback.v1.Improvement.newBuilder()
			.setId(improvement.id())
			.setCustomerId(improvement.customerId() == null ? "" : improvement.customerId())
			.setYouSaid(improvement.youSaid())
			.setWeDid(improvement.weDid())
			.setRecordedBy(improvement.recordedBy())
			.setRecordedAt(Timestamp.newBuilder().setSeconds(improvement.recordedAt().getEpochSecond())
				.setNanos(improvement.recordedAt().getNano()))
			.build();
	}
}
