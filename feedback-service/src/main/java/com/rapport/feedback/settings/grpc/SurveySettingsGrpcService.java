package com.rapport.feedback.settings.grpc;

import com.google.protobuf.Timestamp;
import com.rapport.contracts.feedback.v1.GetSurveySettingsRequest;
import com.rapport.contracts.feedback.v1.SurveySettingsServiceGrpc;
import com.rapport.contracts.feedback.v1.UpdateSurveySettingsRequest;
import com.rapport.feedback.response.FollowUpRules;
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
				followUps(request, settings.rules()), request.getExpectedVersion())));
		response.onCompleted();
	}

	/** The thresholds asked for, each one left out kept as it is; null when all are left out. */
	private static FollowUpRules followUps(UpdateSurveySettingsRequest request, FollowUpRules now) {
		if (!request.hasFollowUpCsatBelow() && !request.hasFollowUpNpsAtMost() && !request.hasFollowUpOnComments()) {
			return null;
		}
		return new FollowUpRules(request.hasFollowUpCsatBelow() ? request.getFollowUpCsatBelow() : now.csatBelow(),
				request.hasFollowUpNpsAtMost() ? request.getFollowUpNpsAtMost() : now.npsAtMost(),
				request.hasFollowUpOnComments() ? request.getFollowUpOnComments() : now.onComments());
	}

	private com.rapport.contracts.feedback.v1.SurveySettings toProto(SurveySettings current) {
		FollowUpRules rules = settings.rulesOf(current);
		var proto = com.rapport.contracts.feedback.v1.SurveySettings.newBuilder()
			.setCesAfterTicket(current.cesAfterTicket()).setCesAfterOrder(current.cesAfterOrder())
			.setFollowUpCsatBelow(rules.csatBelow()).setFollowUpNpsAtMost(rules.npsAtMost())
			.setFollowUpOnComments(rules.onComments())
			.setVersion(current.version()).setUpdatedBy(current.updatedBy() == null ? "" : current.updatedBy());
		if (current.updatedAt() != null) {
			proto.setUpdatedAt(Timestamp.newBuilder().setSeconds(current.updatedAt().getEpochSecond())
				.setNanos(current.updatedAt().getNano()));
		}
		return proto.build();
	}
}
