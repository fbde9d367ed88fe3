package com.rapport.feedback.response;

/**
 * Told of each answer the moment this service stores it, in the same call (the monthly roll-ups of the dashboard
 * count it there). Called once per answer: a replayed answer, stored already, is not told again.
 */
public interface AnswerTally {

	void counted(SurveyResponse answer);
}
