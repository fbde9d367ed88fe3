package com.rapport.feedback.invitation.grpc;

import com.rapport.contracts.feedback.v1.SurveyQuestion;
import com.rapport.feedback.invitation.Invitation;
import com.rapport.feedback.response.SurveyKind;
import com.rapport.feedback.template.SurveyQuestions;
import com.rapport.feedback.template.SurveyTemplates;

/** An invitation's question in both languages, for the pages that show it (the link's and the portal's Surveys). */
final class SurveyQuestionProto {

	private SurveyQuestionProto() {
	}

	static SurveyQuestion of(SurveyQuestions questions, SurveyTemplates templates, Invitation invitation) {
		SurveyKind kind = SurveyKind.valueOf(invitation.kind());
		return SurveyQuestion.newBuilder()
			.setEn(questions.question(templates, kind, invitation.subjectType(), invitation.subjectLabel(), "en"))
			.setZhCn(questions.question(templates, kind, invitation.subjectType(), invitation.subjectLabel(), "zh-CN"))
			.build();
	}
}
