package com.rapport.portal.remote;

import com.rapport.contracts.feedback.v1.AnswerSurveyRequest;
import com.rapport.contracts.feedback.v1.CommentSurveyRequest;
import com.rapport.contracts.feedback.v1.SurveyAnswerResult;
import com.rapport.contracts.feedback.v1.SurveyAnswerServiceGrpc.SurveyAnswerServiceBlockingStub;
import com.rapport.support.grpc.CallTokens;
import com.rapport.support.grpc.RemoteCalls;

import org.springframework.stereotype.Component;

/**
 * Answers given through a survey link, passed to feedback-service as this application (client {@code portal-web},
 * role internal): the visitor has no login, the link's token is their credential and feedback-service checks it.
 * Never retried: the first answer is final, and a repeat would only say "already answered".
 */
@Component
public class SurveyClient {

	static final String REMOTE = "feedback-service";

	private final SurveyAnswerServiceBlockingStub stub;

	private final RemoteCalls remoteCalls;

	private final CallTokens tokens;

	SurveyClient(SurveyAnswerServiceBlockingStub stub, RemoteCalls remoteCalls, CallTokens tokens) {
		this.stub = stub;
		this.remoteCalls = remoteCalls;
		this.tokens = tokens;
	}

	public SurveyAnswerResult answer(String token, int score) {
		return remoteCalls.write(REMOTE, () -> stub.withCallCredentials(tokens.asService())
			.answerSurvey(AnswerSurveyRequest.newBuilder().setToken(token).setScore(score).build()));
	}

	public SurveyAnswerResult comment(String token, String comment) {
		return remoteCalls.write(REMOTE, () -> stub.withCallCredentials(tokens.asService())
			.commentSurvey(CommentSurveyRequest.newBuilder().setToken(token).setComment(comment).build()));
	}
}
