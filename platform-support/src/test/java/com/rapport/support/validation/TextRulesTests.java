package com.rapport.support.validation;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TextRulesTests {

	@Test
	void ordinaryTextInAnyScriptIsPlain() {
		assertThat(TextRules.problem("Acme Retail (上海) GmbH – Zoë 😀", false)).isNull();
		assertThat(TextRules.problem("", false)).isNull();
		assertThat(TextRules.problem(null, false)).isNull();
	}

	@Test
	void controlCharactersAreRefusedEverywhere() {
		for (String bad : new String[] { "a\u0000b", "\u001b[31m", "a\u007f", "a\u0085", "\u0008" }) {
			assertThat(TextRules.problem(bad, true)).as(bad).isEqualTo(TextRules.CONTROL_CHARACTERS);
			assertThat(TextRules.problem(bad, false)).as(bad).isEqualTo(TextRules.CONTROL_CHARACTERS);
		}
	}

	@Test
	void loneSurrogatesAndNoncharactersAreRefused() {
		assertThat(TextRules.problem("a\ud800", true)).isEqualTo(TextRules.CONTROL_CHARACTERS);
		assertThat(TextRules.problem("\udc00a", true)).isEqualTo(TextRules.CONTROL_CHARACTERS);
		assertThat(TextRules.problem("a\uffff", true)).isEqualTo(TextRules.CONTROL_CHARACTERS);
	}

	@Test
	void lineBreaksOnlyInLongText() {
		assertThat(TextRules.problem("line one\r\nline two\tend", true)).isNull();
		assertThat(TextRules.problem("line one\nline two", false)).isEqualTo(TextRules.LINE_BREAKS);
	}
}
