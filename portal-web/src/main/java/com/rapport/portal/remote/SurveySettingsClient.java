package com.rapport.portal.remote;

import com.rapport.contracts.feedback.v1.GetSurveySettingsRequest;
import com.rapport.contracts.feedback.v1.SurveySettings;
import com.rapport.contracts.feedback.v1.SurveySettingsServiceGrpc.SurveySettingsServiceBlockingStub;
import com.rapport.contracts.feedback.v1.UpdateSurveySettingsRequest;
import com.rapport.support.grpc.CallTokens;
import com.rapport.support.grpc.RemoteCalls;

import org.springframework.stereotype.Component;

/** The survey settings in feedback-service, with the signed-in user's token; it decides who may read and change them. */
@Component
public class SurveySettingsClient {

	private final SurveySettingsServiceBlockingStub stub;

	private final RemoteCalls remoteCalls;

	private final CallTokens tokens;

	SurveySettingsClient(SurveySettingsServiceBlockingStub stub, RemoteCalls remoteCalls, CallTokens tokens) {
		this.stub = stub;
		this.remoteCalls = remoteCalls;
		this.tokens = tokens;
	}

	public SurveySettings settings() {
		return remoteCalls.read(SurveyClient.REMOTE, () -> stub.withCallCredentials(tokens.forCurrentCaller())
			.getSurveySettings(GetSurveySettingsRequest.getDefaultInstance()));
	}

	/**
	 * Saves the settings read at {@code version}; a later save by someone else is refused, not overwritten. The
	 * follow-up thresholds are left as they are when {@code followUps} is null.
	 */
	public SurveySettings update(boolean cesAfterTicket, boolean cesAfterOrder, FollowUps followUps, long version) {
		UpdateSurveySettingsRequest.Builder request = UpdateSurveySettingsRequest.newBuilder()
			.setCesAfterTicket(cesAfterTicket).setCesAfterOrder(cesAfterOrder).setExpectedVersion(version);
		if (followUps != null) {
			request.setFollowUpCsatBelow(followUps.csatBelow()).setFollowUpNpsAtMost(followUps.npsAtMost())
				.setFollowUpOnComments(followUps.onComments());
		}
		return remoteCalls.write(SurveyClient.REMOTE, () -> stub.withCallCredentials(tokens.forCurrentCaller())
			.updateSurveySettings(request.build()));
	}

	/** Which answers open a follow-up ticket: a CSAT below, an NPS at most, a negative or urgent comment. */
	public record FollowUps(int csatBelow, int npsAtMost, boolean onComments) {
	}
}
