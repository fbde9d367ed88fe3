package com.rapport.portal.qbr;

import java.util.List;

/**
 * One organisation's quarter, every value already in the reader's words and numbers, so the page and the PDF (which
 * renders outside a request) show the same. A part a service could not give is {@code null}.
 */
record QbrReport(String organisationId, String organisationName, String quarter, String previousQuarter,
		Deliveries deliveries, Tickets tickets, List<ScoreMonth> scores, List<Change> improvements,
		List<OnTimeMonth> onTimeMonths, String stage) {

	/** Orders delivered in the quarter and how many on time; the rate is "—" without a promised date. */
	record Deliveries(int delivered, int withPromisedDate, int onTime, String onTimeRate, int lateNow) {
	}

	/** The organisation's tickets resolved in the quarter. */
	record Tickets(int resolved, String slaKept, String firstResponse, String handling, String firstContact,
			int openNow) {
	}

	/** One month of the organisation's survey scores ("—" without answers). */
	record ScoreMonth(String month, String csat, String nps, String ces, long answers) {
	}

	record Change(String youSaid, String weDid) {
	}

	/** One month's deliveries of the organisation and the on-time share ("—" without a promised date). */
	record OnTimeMonth(String month, long delivered, long withPromisedDate, long onTime, String onTimeShare) {
	}
}
