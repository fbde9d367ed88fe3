package com.rapport.portal.console;

import java.util.ArrayList;
import java.util.List;

import com.rapport.contracts.feedback.v1.FeedbackFigures;
import com.rapport.contracts.feedback.v1.KindFigures;
import com.rapport.contracts.feedback.v1.PeriodFigures;

/**
 * The dashboard's figures as CSV (RFC 4180) for a spreadsheet: one line per month, then the whole period, then each
 * group; figures as plain numbers (percent with two decimals, the CES average with one), empty where there were no
 * answers. The column names are fixed English words, the same for every reader, so a sheet built on them keeps working.
 */
final class DashboardCsv {

	static final String HEADER = "row,period,csat_answers,csat_percent,nps_answers,nps,promoters,passives,detractors,"
			+ "ces_answers,ces_average,ces_easy_percent,invited,invited_answered,response_rate_percent\r\n";

	private DashboardCsv() {
	}

	static String of(FeedbackFigures figures) {
		StringBuilder csv = new StringBuilder(HEADER);
		figures.getMonthsList().forEach(month -> line(csv, "month", month));
		line(csv, "total", figures.getTotal());
		figures.getGroupsList().forEach(group -> line(csv, "group", group));
		return csv.toString();
	}

	private static void line(StringBuilder csv, String row, PeriodFigures period) {
		KindFigures csat = period.getCsat();
		KindFigures nps = period.getNps();
		KindFigures ces = period.getCes();
		long invited = csat.getInvited() + nps.getInvited() + ces.getInvited();
		long answered = csat.getInvitedAnswered() + nps.getInvitedAnswered() + ces.getInvitedAnswered();
		List<String> cells = new ArrayList<>(List.of(row, period.getLabel(), String.valueOf(csat.getAnswers()),
				csat.hasCsatPercentBp() ? hundredths(csat.getCsatPercentBp()) : "", String.valueOf(nps.getAnswers()),
				nps.hasNps() ? String.valueOf(nps.getNps()) : "", String.valueOf(nps.getPromoters()),
				String.valueOf(nps.getPassives()), String.valueOf(nps.getDetractors()), String.valueOf(ces.getAnswers()),
				ces.hasCesAverageTenths() ? ces.getCesAverageTenths() / 10 + "." + ces.getCesAverageTenths() % 10 : "",
				ces.hasCesEasyShareBp() ? hundredths(ces.getCesEasyShareBp()) : "", String.valueOf(invited),
				String.valueOf(answered), period.hasResponseRateBp() ? hundredths(period.getResponseRateBp()) : ""));
		csv.append(String.join(",", cells.stream().map(DashboardCsv::cell).toList())).append("\r\n");
	}

	private static String hundredths(long basisPoints) {
		return basisPoints / 100 + "." + String.format("%02d", basisPoints % 100);
	}

	/** A cell quoted when it holds a comma, a quote or a line break; a leading = + - @ is defused for spreadsheets. */
	static String cell(String value) {
		String safe = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 && !value.matches("-?\\d+(\\.\\d+)?")
				? "'" + value : value;
		return safe.matches(".*[\",\r\n].*") ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
	}
}
