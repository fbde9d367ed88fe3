package com.rapport.ticket.kb;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The words an article is found by and a query looks up, alike on both sides. */
class SearchKeysTests {

	@Test
	void englishWordsAreLowerCasedWithoutPluralsAndWithoutCommonWords() {
		assertThat(SearchKeys.of("The LAMPS flicker after an hour")).containsExactly("lamp", "flicker", "hour");
		assertThat(SearchKeys.of("glass", "bus", "is")).containsExactly("glass", "bus");
	}

	@Test
	void skusSplitAtTheirDashesAndNumbersCount() {
		assertThat(SearchKeys.of("LAMP-LED-02 batch 7")).containsExactly("lamp", "led", "02", "batch");
	}

	@Test
	void chineseIsSearchedByPairsOfCharactersAndALoneCharacterAsItself() {
		assertThat(SearchKeys.of("灯闪烁")).containsExactly("灯闪", "闪烁");
		assertThat(SearchKeys.of("LED 灯")).containsExactly("led", "灯");
		assertThat(SearchKeys.of("LED灯闪烁了")).containsExactly("led", "灯闪", "闪烁", "烁了");
	}

	@Test
	void fullWidthLettersAndPunctuationAreReadAsTheirPlainForms() {
		assertThat(SearchKeys.of("ＬＥＤ，发票！")).containsExactly("led", "发票");
	}

	@Test
	void noWordNoKey() {
		assertThat(SearchKeys.of("  a ? !  ", null)).isEmpty();
	}
}
