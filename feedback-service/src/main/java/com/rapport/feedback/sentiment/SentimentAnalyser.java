package com.rapport.feedback.sentiment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.springframework.stereotype.Component;

/**
 * The sentiment of a comment by a lexicon, not a trained model: the text is cut into clauses at punctuation and
 * into words (English by letters, Chinese by Lucene's {@link SmartChineseAnalyzer}, a hidden-Markov word segmenter
 * with its own dictionary); each cue word or two-word phrase of the language's {@link Lexicon} adds its weight,
 * turned around by a negation up to three words before it in the same clause ("not satisfied", "不 满意"),
 * strengthened by half by an intensifier just before it ("very slow", "非常 失望"); after a contrast ("but", "但是")
 * the words count double and those before it half. A total of -1 or less is negative, 1 or more positive, anything
 * between neutral. An urgent word or phrase anywhere ("asap", "尽快") makes the comment urgent, whatever its
 * polarity. Text with any Chinese character is read as Chinese, any other as English.
 *
 * <p>Where it is wrong: irony and sarcasm ("great, late again"), cues it does not know, negations further than three
 * words back, and a comment in both languages (read as Chinese). Its accuracy on the examples in the tests is in
 * the README.
 */
@Component
public class SentimentAnalyser {

	private static final Pattern CLAUSES = Pattern.compile("[,.;:!?()\\[\\]\"，。；：！？、（）【】“”\\n\\r]+");

	private static final Pattern ENGLISH_WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:'[\\p{L}]+)?");

	private static final Pattern CHINESE = Pattern.compile("\\p{IsHan}");

	private static final int NEGATION_REACH = 3;

	private final Lexicon english = Lexicon.load("en");

	private final Lexicon chinese = Lexicon.load("zh");

	private final Analyzer segmenter = new SmartChineseAnalyzer();

	public Sentiment analyse(String text) {
		if (text == null || text.isBlank()) {
			return Sentiment.NONE;
		}
		boolean zh = CHINESE.matcher(text).find();
		Lexicon lexicon = zh ? chinese : english;
		String joiner = zh ? "" : " ";
		List<String> cues = new ArrayList<>();
		List<String> everyWord = new ArrayList<>();
		double score = 0;
		double weight = 1;
		for (String clause : CLAUSES.split(text.toLowerCase(Locale.ROOT))) {
			List<String> words = zh ? chineseWords(clause) : englishWords(clause);
			everyWord.addAll(words);
			int negatedUntil = -1;
			double boost = 1;
			for (int i = 0; i < words.size(); i++) {
				String word = words.get(i);
				String phrase = i + 1 < words.size() ? word + joiner + words.get(i + 1) : null;
				Integer cue = phrase == null ? null : lexicon.weights().get(phrase);
				if (cue != null) {
					word = phrase;
					i++;
				}
				else if (lexicon.contrasts().contains(word)) {
					score /= 2;
					weight = 2;
					continue;
				}
				else if (lexicon.negations().contains(word)) {
					negatedUntil = i + NEGATION_REACH;
					continue;
				}
				else if (lexicon.intensifiers().contains(word)) {
					boost = 1.5;
					continue;
				}
				else {
					cue = lexicon.weights().get(word);
				}
				if (cue == null || cue == 0) {
					continue;
				}
				boolean negated = i <= negatedUntil;
				score += cue * boost * weight * (negated ? -1 : 1);
				cues.add(negated ? "not " + word : word);
				boost = 1;
				negatedUntil = -1;
			}
		}
		List<String> urgentCues = urgentCues(lexicon, everyWord, joiner);
		cues.addAll(urgentCues.stream().map(phrase -> "urgent: " + phrase).toList());
		Sentiment.Polarity polarity = score <= -1 ? Sentiment.Polarity.NEGATIVE
				: score >= 1 ? Sentiment.Polarity.POSITIVE : Sentiment.Polarity.NEUTRAL;
		return new Sentiment(polarity, !urgentCues.isEmpty(), cues);
	}

	/**
	 * The urgent phrases the comment's words spell, from word boundaries: consecutive words joined by
	 * {@code joiner} (a space in English, nothing in Chinese, so "加急" matches the words "加急" or "加" "急" but not
	 * inside another word).
	 */
	private static List<String> urgentCues(Lexicon lexicon, List<String> words, String joiner) {
		return lexicon.urgent().stream().filter(phrase -> spelled(words, phrase, joiner)).toList();
	}

	private static boolean spelled(List<String> words, String phrase, String joiner) {
		for (int start = 0; start < words.size(); start++) {
			StringBuilder spelled = new StringBuilder(words.get(start));
			for (int end = start + 1; spelled.length() < phrase.length() && end < words.size(); end++) {
				spelled.append(joiner).append(words.get(end));
			}
			if (spelled.toString().equals(phrase)) {
				return true;
			}
		}
		return false;
	}

	private static List<String> englishWords(String clause) {
		List<String> words = new ArrayList<>();
		Matcher matcher = ENGLISH_WORD.matcher(clause);
		while (matcher.find()) {
			words.add(matcher.group());
		}
		return words;
	}

	private List<String> chineseWords(String clause) {
		List<String> words = new ArrayList<>();
		try (TokenStream tokens = segmenter.tokenStream("comment", clause)) {
			CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
			tokens.reset();
			while (tokens.incrementToken()) {
				words.add(term.toString());
			}
			tokens.end();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return words;
	}
}
