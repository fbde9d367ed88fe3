package com.rapport.feedback.settings.grpc;

import com.google.protobuf.Timestamp;
import com.rapport.contracts.feedback.v1.GetSurveySettingsRequest;
import com.rapport.contracts.feedback.v1.SurveySettingsServiceGrpc;
import com.rapport.contracts.feedback.v1.UpdateSurveySettingsRequest;
import com.rapport.feedback.settings.SurveySettings;
import com.rapport.feedback.settings.SurveySettingsService;
import com.rapport.support.security.Caller;
import io.grpc.stub.StreamObserver;

import org.springframework.grpc.server.service.GrpcService;
import org.springframework.security.access.AccessDeniedException;

/** The survey settings for the console: staff read them, managers and admins change them (refused to others first). */
@GrpcService
class SurveySettingsGrpcService extends SurveySettingsServiceGrpc.SurveySettingsServiceImplBase {

	private final SurveySettingsService settings;

	SurveySettingsGrpcService(SurveySettingsService settings) {
		this.settings = settings;
	}

	@Override
	public void getSurveySettings(GetSurveySettingsRequest request,
			StreamObserver<com.rapport.contracts.feedback.v1.SurveySettings> response) {
		Caller caller = Caller.current();
		if (!caller.hasRole(Caller.AGENT) && !caller.hasRole(Caller.MANAGER) && !caller.hasRole(Caller.ADMIN)) {
			throw new AccessDeniedException("The survey settings are the staff's");
		}
		response.onNext(toProto(settings.current()));
		response.onCompleted();
	}

	@Override
	public void updateSurveySettings(UpdateSurveySettingsRequest request,
			StreamObserver<com.rapport.contracts.feedback.v1.SurveySettings> response) {
		Caller caller = Caller.current();
		if (!caller.hasRole(Caller.MANAGER) && !caller.hasRole(Caller.ADMIN)) {
			throw new AccessDeniedException("Managers decide when surveys are asked");
		}
		response.onNext(toProto(settings.update(caller, request.getCesAfterTicket(), request.getCesAfterOrder(),
				request.getExpectedVersion())));
		response.onCompleted();
	}

	private static com.rapport.contracts.feedback.v1.SurveySettings toProto(SurveySettings settings) {
		var proto = com.rapport.contracts.feedback.v1.SurveySettings.newBuilder()
			.setCesAfterTicket(settings.cesAfterTicket()).setCesAfterOrder(settings.cesAfterOrder())
			.setVersion(settings.version()).setUpdatedBy(settings.updatedBy() == null ? "" : settings.updatedBy());
		if (settings.updatedAt() != null) {
			proto.setUpdatedAt(Timestamp.newBuilder().setSeconds(settings.updatedAt().getEpochSecond())
				.setNanos(settings.updatedAt().getNano()));
		}
		return proto.build();
	}
}
