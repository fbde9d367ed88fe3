package com.rapport.portal.remote;

import com.rapport.contracts.feedback.v1.AnswerMySurveyRequest;
import com.rapport.contracts.feedback.v1.CommentMySurveyRequest;
import com.rapport.contracts.feedback.v1.ListMySurveysRequest;
import com.rapport.contracts.feedback.v1.ListMySurveysResponse;
import com.rapport.contracts.feedback.v1.MySurveyServiceGrpc.MySurveyServiceBlockingStub;
import com.rapport.contracts.feedback.v1.SurveyAnswerResult;
import com.rapport.support.grpc.CallTokens;
import com.rapport.support.grpc.RemoteCalls;

import org.springframework.stereotype.Component;

/**
 * The signed-in contact's own surveys in feedback-service, with the contact's own token (feedback-service asks
 * customer-service which contact the login is). Answers are never retried: the first is final.
 */
@Component
public class MySurveyClient {

	private final MySurveyServiceBlockingStub stub;

	private final RemoteCalls remoteCalls;

	private final CallTokens tokens;

	MySurveyClient(MySurveyServiceBlockingStub stub, RemoteCalls remoteCalls, CallTokens tokens) {
		this.stub = stub;
		this.remoteCalls = remoteCalls;
		this.tokens = tokens;
	}

	public ListMySurveysResponse mySurveys() {
		return remoteCalls.read(SurveyClient.REMOTE, () -> stub.withCallCredentials(tokens.forCurrentCaller())
			.listMySurveys(ListMySurveysRequest.getDefaultInstance()));
	}

	public SurveyAnswerResult answer(String invitationId, int score) {
		return remoteCalls.write(SurveyClient.REMOTE, () -> stub.withCallCredentials(tokens.forCurrentCaller())
			.answerMySurvey(AnswerMySurveyRequest.newBuilder().setInvitationId(invitationId).setScore(score).build()));
	}

	public SurveyAnswerResult comment(String invitationId, String comment) {
		return remoteCalls.write(SurveyClient.REMOTE, () -> stub.withCallCredentials(tokens.forCurrentCaller())
			.commentMySurvey(CommentMySurveyRequest.newBuilder().setInvitationId(invitationId).setComment(comment)
				.build()));
	}
}
