package com.rapport.customer.growth;

/**
 * What the other services know of an organisation's mood: its open tickets (ticket-service) and its survey
 * scores (feedback-service). A part that could not be read is {@code null}, and the risk says so.
 *
 * @param tickets open complaints and breached tickets now, {@code null} when ticket-service did not answer
 * @param scores  the CSAT share and NPS of feedback-service's window, {@code null} when it did not answer
 */
public record SupportFacts(Tickets tickets, Scores scores) {

	public static final SupportFacts UNKNOWN = new SupportFacts(null, null);

	/** Open complaints (not resolved or closed) and open tickets whose response or resolution is overdue. */
	public record Tickets(int openComplaints, int breached) {
	}

	/**
	 * @param csatPercentBp the share of satisfied CSAT answers in basis points, {@code null} without answers
	 * @param nps           the net promoter score (-100 to 100), {@code null} without answers
	 */
	public record Scores(Integer csatPercentBp, Integer nps) {
	}
}
