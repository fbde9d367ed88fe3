package com.rapport.feedback.sentiment;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.rapport.feedback.sentiment.Sentiment.Polarity;

import static org.assertj.core.api.Assertions.assertThat;

class SentimentAnalyserTests {

	private static SentimentAnalyser analyser;

	@BeforeAll
	static void loadTheLexicons() {
		analyser = new SentimentAnalyser();
	}

	@Test
	void aNegationTurnsTheCueAroundOnlyInsideItsClause() {
		assertThat(analyser.analyse("I am not satisfied with the answer.").polarity()).isEqualTo(Polarity.NEGATIVE);
		assertThat(analyser.analyse("I am not satisfied with the answer.").cues()).containsExactly("not satisfied");
		assertThat(analyser.analyse("The link never worked, useless.").polarity()).isEqualTo(Polarity.NEGATIVE);
		assertThat(analyser.analyse("对处理结果不满意").polarity()).isEqualTo(Polarity.NEGATIVE);
	}

	@Test
	void whatFollowsAContrastOutweighsWhatCameBefore() {
		assertThat(analyser.analyse("Delivery was fast, but the quality is poor.").polarity())
			.isEqualTo(Polarity.NEGATIVE);
		assertThat(analyser.analyse("There was a delay but you handled it very well.").polarity())
			.isEqualTo(Polarity.POSITIVE);
		assertThat(analyser.analyse("发货很快，但是质量太差了").polarity()).isEqualTo(Polarity.NEGATIVE);
	}

	@Test
	void anUrgentCommentIsUrgentWhateverItsPolarityAndSaysWhy() {
		Sentiment neutral = analyser.analyse("Please call me back as soon as possible.");
		Sentiment negative = analyser.analyse("零件一直没到，请尽快处理");

		assertThat(neutral.urgent()).isTrue();
		assertThat(neutral.polarity()).isEqualTo(Polarity.NEUTRAL);
		assertThat(neutral.cues()).containsExactly("urgent: as soon as possible");
		assertThat(negative.urgent()).isTrue();
		assertThat(negative.unhappyOrUrgent()).isTrue();
		assertThat(analyser.analyse("We upgraded our warehouse system.").urgent()).isFalse();
	}

	@Test
	void noCommentIsNeutralAndNotUrgent() {
		assertThat(analyser.analyse(null)).isEqualTo(Sentiment.NONE);
		assertThat(analyser.analyse("   ")).isEqualTo(Sentiment.NONE);
		assertThat(analyser.analyse("No comment.").polarity()).isEqualTo(Polarity.NEUTRAL);
		assertThat(analyser.analyse("无。").unhappyOrUrgent()).isFalse();
	}

	@Test
	void englishExamplesAreReadRightAtLeastNineTimesInTen() throws IOException {
		assertThat(accuracy("en")).isGreaterThanOrEqualTo(0.9);
	}

	@Test
	void chineseExamplesAreReadRightAtLeastNineTimesInTen() throws IOException {
		assertThat(accuracy("zh")).isGreaterThanOrEqualTo(0.9);
	}

	/** The share of the language's examples whose polarity and urgency are both right; prints the others. */
	private static double accuracy(String language) throws IOException {
		List<String[]> examples = examples(language);
		assertThat(examples).hasSizeGreaterThanOrEqualTo(40);
		int right = 0;
		List<String> wrong = new ArrayList<>();
		for (String[] example : examples) {
			Sentiment sentiment = analyser.analyse(example[3]);
			boolean urgent = Boolean.parseBoolean(example[2]);
			if (sentiment.polarity().name().equals(example[1]) && sentiment.urgent() == urgent) {
				right++;
			}
			else {
				wrong.add(example[3] + " -> " + sentiment + " (expected " + example[1] + (urgent ? ", urgent" : "") + ")");
			}
		}
		double accuracy = (double) right / examples.size();
		System.out.printf(Locale.ROOT, "Sentiment %s: %d of %d right (%.1f%%)%n", language, right, examples.size(),
				accuracy * 100);
		wrong.forEach(line -> System.out.println("  wrong: " + line));
		return accuracy;
	}

	private static List<String[]> examples(String language) throws IOException {
		List<String[]> examples = new ArrayList<>();
		try (InputStream in = SentimentAnalyserTests.class.getResourceAsStream("/sentiment/examples.tsv")) {
			for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
				if (!line.isBlank() && !line.startsWith("#") && line.startsWith(language + "\t")) {
					examples.add(line.split("\t", 4));
				}
			}
		}
		return examples;
	}
}
