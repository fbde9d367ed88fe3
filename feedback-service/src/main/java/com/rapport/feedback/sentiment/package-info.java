/**
 * The sentiment of a survey comment (negative, neutral, positive, and whether it is urgent), in English and
 * Chinese: a documented lexicon over words, with Lucene's Smart Chinese analyser to find the words of Chinese text.
 */
package com.rapport.feedback.sentiment;
