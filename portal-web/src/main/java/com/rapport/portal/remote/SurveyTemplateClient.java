package com.rapport.portal.remote;

import java.util.Map;

import com.rapport.contracts.feedback.v1.GetSurveyTemplatesRequest;
import com.rapport.contracts.feedback.v1.SurveyTemplate;
import com.rapport.contracts.feedback.v1.SurveyTemplateServiceGrpc.SurveyTemplateServiceBlockingStub;
import com.rapport.contracts.feedback.v1.SurveyTemplateSet;
import com.rapport.contracts.feedback.v1.UpdateSurveyTemplatesRequest;
import com.rapport.support.grpc.CallTokens;
import com.rapport.support.grpc.RemoteCalls;

import org.springframework.stereotype.Component;

/** The survey templates in feedback-service, with the signed-in user's token; it decides who may read and change them. */
@Component
public class SurveyTemplateClient {

	private final SurveyTemplateServiceBlockingStub stub;

	private final RemoteCalls remoteCalls;

	private final CallTokens tokens;

	SurveyTemplateClient(SurveyTemplateServiceBlockingStub stub, RemoteCalls remoteCalls, CallTokens tokens) {
		this.stub = stub;
		this.remoteCalls = remoteCalls;
		this.tokens = tokens;
	}

	public SurveyTemplateSet templates() {
		return remoteCalls.read(SurveyClient.REMOTE, () -> stub.withCallCredentials(tokens.forCurrentCaller())
			.getSurveyTemplates(GetSurveyTemplatesRequest.getDefaultInstance()));
	}

	/**
	 * Saves {@code wordings} (by kind and language: {@code CSAT} → {@code en} → text; blank: the default again) over
	 * the templates read at {@code version}; a later save by someone else is refused, not overwritten.
	 */
	public SurveyTemplateSet update(Map<String, Map<String, String>> wordings, long version) {
		UpdateSurveyTemplatesRequest.Builder request = UpdateSurveyTemplatesRequest.newBuilder().setExpectedVersion(version);
		wordings.forEach((kind, byLanguage) -> byLanguage.forEach((language, text) -> request
			.addTemplates(SurveyTemplate.newBuilder().setKind(kind).setLanguage(language).setText(text))));
		return remoteCalls.write(SurveyClient.REMOTE, () -> stub.withCallCredentials(tokens.forCurrentCaller())
			.updateSurveyTemplates(request.build()));
	}
}
