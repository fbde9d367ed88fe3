package com.rapport.feedback.template;

import java.util.Optional;

import com.rapport.feedback.response.SurveyKind;
import com.rapport.support.error.Message;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A wording's rules on their edges (plain unit tests). */
class SurveyQuestionsTests {

	private static final TemplateKey CSAT_EN = new TemplateKey(SurveyKind.CSAT, "en");

	private static final TemplateKey CES_ZH = new TemplateKey(SurveyKind.CES, "zh-CN");

	private static final TemplateKey NPS_EN = new TemplateKey(SurveyKind.NPS, "en");

	private static Optional<String> problemOf(TemplateKey key, String wording) {
		return SurveyQuestions.problem(key, wording).map(Message::code);
	}

	@Test
	void aWordingOfTenToThreeHundredCharactersIsTakenAndOneShorterOrLongerIsNot() {
		String ten = "{subject}?";
		assertThat(ten.length()).isEqualTo(10);
		assertThat(problemOf(CSAT_EN, ten)).isEmpty();
		assertThat(problemOf(CSAT_EN, "{subject}")).contains("feedback.template.length");

		String threeHundred = "{subject} " + "x".repeat(290);
		assertThat(threeHundred.length()).isEqualTo(300);
		assertThat(problemOf(CSAT_EN, threeHundred)).isEmpty();
		assertThat(problemOf(CSAT_EN, threeHundred + "x")).contains("feedback.template.length");
	}

	@Test
	void chineseIsCountedInCharactersNotBytes() {
		// 12 characters, 30 bytes in UTF-8: within the limits either way; 301 Chinese characters are not.
		assertThat(problemOf(CES_ZH, "收到{subject}容易吗")).isEmpty();
		assertThat(problemOf(CES_ZH, "{subject}" + "好".repeat(291))).isEmpty();
		assertThat(problemOf(CES_ZH, "{subject}" + "好".repeat(292))).contains("feedback.template.length");
	}

	@Test
	void aCsatOrCesMustNameItsSubjectAndAnNpsHasNoneToName() {
		assertThat(problemOf(CSAT_EN, "How satisfied are you with us?")).contains("feedback.template.placeholder.missing");
		assertThat(problemOf(CES_ZH, "您觉得这次收货容易吗？")).contains("feedback.template.placeholder.missing");
		assertThat(problemOf(NPS_EN, "Would you recommend us after {subject}?"))
			.contains("feedback.template.placeholder.unknown");
		assertThat(problemOf(NPS_EN, "Would you recommend us to a friend?")).isEmpty();
	}

	@Test
	void aPlaceholderThereIsNoneOfIsRefusedWithItsName() {
		assertThat(SurveyQuestions.problem(CSAT_EN, "Dear {name}, how was {subject}?"))
			.hasValueSatisfying(problem -> {
				assertThat(problem.code()).isEqualTo("feedback.template.placeholder.unknown");
				assertThat(problem.args()).containsExactly("{name}");
			});
		assertThat(problemOf(CSAT_EN, "How was {Subject} for you?")).contains("feedback.template.placeholder.unknown");
	}

	@Test
	void aBlankWordingIsTheDefaultAgainNotAMistake() {
		assertThat(problemOf(CSAT_EN, "")).isEmpty();
	}

	@Test
	void theFieldsAreNamedAfterSurveyAndLanguage() {
		assertThat(CSAT_EN.field()).isEqualTo("csatEn");
		assertThat(CES_ZH.field()).isEqualTo("cesZh");
		assertThat(new TemplateKey(SurveyKind.NPS, "zh").language()).isEqualTo("zh-CN");
		assertThat(TemplateKey.all()).hasSize(6);
	}
}
