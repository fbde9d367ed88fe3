package com.rapport.feedback.template.grpc;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import com.google.protobuf.Timestamp;
import com.rapport.contracts.feedback.v1.GetSurveyTemplatesRequest;
import com.rapport.contracts.feedback.v1.SurveyTemplate;
import com.rapport.contracts.feedback.v1.SurveyTemplateServiceGrpc;
import com.rapport.contracts.feedback.v1.SurveyTemplateSet;
import com.rapport.contracts.feedback.v1.UpdateSurveyTemplatesRequest;
import com.rapport.feedback.response.SurveyKind;
import com.rapport.feedback.template.SurveyQuestions;
import com.rapport.feedback.template.SurveyTemplates;
import com.rapport.feedback.template.TemplateKey;
import com.rapport.support.error.Message;
import com.rapport.support.error.UnprocessableException;
import com.rapport.support.security.Caller;
import io.grpc.stub.StreamObserver;

import org.springframework.grpc.server.service.GrpcService;
import org.springframework.security.access.AccessDeniedException;

/** The survey templates for the console: staff read them, managers and admins change them (refused to others first). */
@GrpcService
class SurveyTemplateGrpcService extends SurveyTemplateServiceGrpc.SurveyTemplateServiceImplBase {

	private final SurveyQuestions questions;

	SurveyTemplateGrpcService(SurveyQuestions questions) {
		this.questions = questions;
	}

	@Override
	public void getSurveyTemplates(GetSurveyTemplatesRequest request, StreamObserver<SurveyTemplateSet> response) {
		Caller caller = Caller.current();
		if (!caller.hasRole(Caller.AGENT) && !caller.hasRole(Caller.MANAGER) && !caller.hasRole(Caller.ADMIN)) {
			throw new AccessDeniedException("The survey templates are the staff's");
		}
		response.onNext(toProto(questions.current()));
		response.onCompleted();
	}

	@Override
	public void updateSurveyTemplates(UpdateSurveyTemplatesRequest request, StreamObserver<SurveyTemplateSet> response) {
		Caller caller = Caller.current();
		if (!caller.hasRole(Caller.MANAGER) && !caller.hasRole(Caller.ADMIN)) {
			throw new AccessDeniedException("Managers word the surveys");
		}
		Map<TemplateKey, String> wordings = new LinkedHashMap<>();
		Map<String, Message> unknown = new LinkedHashMap<>();
		for (int i = 0; i < request.getTemplatesCount(); i++) {
			SurveyTemplate template = request.getTemplates(i);
			SurveyKind kind = kindOf(template.getKind());
			if (kind == null || !TemplateKey.LANGUAGES.contains(template.getLanguage())) {
				unknown.put("templates[" + i + "]", Message.of("field.unknown-choice"));
			}
			else {
				wordings.put(new TemplateKey(kind, template.getLanguage()), template.getText());
			}
		}
		if (!unknown.isEmpty()) {
			throw new UnprocessableException(Message.of("feedback.templates-invalid"), unknown);
		}
		response.onNext(toProto(questions.update(caller, wordings, request.getExpectedVersion())));
		response.onCompleted();
	}

	private static SurveyKind kindOf(String kind) {
		try {
			return SurveyKind.valueOf(kind.toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private SurveyTemplateSet toProto(SurveyTemplates templates) {
		SurveyTemplateSet.Builder set = SurveyTemplateSet.newBuilder().setVersion(templates.version())
			.setUpdatedBy(templates.updatedBy() == null ? "" : templates.updatedBy());
		for (TemplateKey key : TemplateKey.all()) {
			String text = templates.custom(key);
			set.addTemplates(SurveyTemplate.newBuilder().setKind(key.kind().name()).setLanguage(key.language())
				.setText(text == null ? "" : text).setDefaultText(questions.defaultTemplate(key)));
		}
		if (templates.updatedAt() != null) {
			set.setUpdatedAt(Timestamp.newBuilder().setSeconds(templates.updatedAt().getEpochSecond())
				.setNanos(templates.updatedAt().getNano()));
		}
		return set.build();
	}
}
