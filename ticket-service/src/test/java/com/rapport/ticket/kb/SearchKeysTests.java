package com.rapport.ticket.kb;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The words an article is found by and a query looks up, alike on both sides. */
class SearchKeysTests {

	@Test
	void englishWordsAreLowerCasedWithoutPluralsAndWithoutCommonWords() {
		assertThat(SearchKeys.of("The LAMPS flicker after an hour")).containsExactly("lamp", "flicker", "hour");
		assertThat(SearchKeys.of("glass", "class", "is")).containsExactly("glass", "class");
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

	/** Session 17: English words are stemmed (Lucene's Snowball Porter stemmer) on both sides. */
	@Test
	void shippingShippedAndShipmentsFindEachOther() {
		java.util.List<String> forms = java.util.List.of("shipping", "shipped", "shipments", "shipment", "ship");
		for (String query : forms) {
			for (String text : forms) {
				assertThat(SearchKeys.of(query)).as(query + " finds " + text).containsAnyElementsOf(SearchKeys.of(text));
			}
		}
		assertThat(SearchKeys.of("Shipments")).containsExactly("shipment", "ship");
		assertThat(SearchKeys.of("comments")).as("a root under four letters is not cut").containsExactly("comment");
	}

	/** The demo's articles as the portal's visitors search them, in other forms of their words. */
	@Test
	void realArticlesAreFoundByOtherFormsOfTheirWords() {
		var flicker = SearchKeys.of("LED lamps flicker after an hour: check the dimmer and the driver",
				"Flickering that starts after the lamps have warmed up is almost always a dimmer that is not rated "
						+ "for LED loads or a driver running hot. Switch the dimmer to a trailing-edge model, keep at "
						+ "least 10 cm of air around the driver, and check that the load is above the dimmer's minimum.");
		var invoices = SearchKeys.of("Invoices, due dates and paying in instalments",
				"The portal's Invoices page lists your open invoices with their due dates. If you need more time, "
						+ "ask for instalments.");
		var tracking = SearchKeys.of("Where is my delivery? Tracking an order and what to do when it is late",
				"Open the order in the portal: its progress shows every milestone with the carrier and the tracking "
						+ "number. When an order is late, its page says why and what we offer (a new date, a partial "
						+ "delivery or a remedy).");

		assertThat(flicker).containsAll(SearchKeys.of("flickering lamp"))
			.containsAll(SearchKeys.of("dimmers"))
			.containsAll(SearchKeys.of("drivers overheating").subList(0, 1));
		assertThat(invoices).containsAll(SearchKeys.of("invoicing"))
			.containsAll(SearchKeys.of("instalment"))
			.containsAll(SearchKeys.of("paid invoice").subList(1, 2));
		assertThat(tracking).containsAll(SearchKeys.of("tracked orders"))
			.containsAll(SearchKeys.of("milestones"))
			.containsAll(SearchKeys.of("carriers"));
		assertThat(tracking).doesNotContainAnyElementsOf(SearchKeys.of("flickering lamps"));
	}

	@Test
	void wordsWithDigitsAreKeptAsTheyAre() {
		assertThat(SearchKeys.of("ACME-1015 shipping 3pcs")).containsExactly("acm", "1015", "ship", "3pcs");
	}
}
