package com.rapport.portal.qbr;

import com.rapport.support.message.Texts;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The quarterly business review of one organisation for its account manager: a printable console page and the same
 * as a PDF. Managers and admins (the ticket and survey figures it shows are theirs); {@code ?quarter=2026-Q4}, this
 * quarter by default.
 */
@Controller
@PreAuthorize("hasAnyRole('manager', 'admin')")
class QbrController {

	private final QbrReports reports;

	private final QbrPdf pdf;

	QbrController(QbrReports reports, QbrPdf pdf) {
		this.reports = reports;
		this.pdf = pdf;
	}

	@GetMapping("/console/organisations/{id}/qbr")
	String page(@PathVariable String id, @RequestParam(defaultValue = "") String quarter, Model model) {
		QbrReports.Quarter asked = quarter(quarter);
		model.addAttribute("report", reports.of(id, asked));
		model.addAttribute("previousQuarter", asked.previous().toString());
		return "console/qbr";
	}

	/** The PDF in the reader's language, as the page (its Chinese glyphs are Noto Sans SC's, see {@link QbrPdf}). */
	@GetMapping("/console/organisations/{id}/qbr.pdf")
	ResponseEntity<byte[]> pdf(@PathVariable String id, @RequestParam(defaultValue = "") String quarter) {
		QbrReports.Quarter asked = quarter(quarter);
		QbrReport report = reports.of(id, asked);
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("qbr-" + id + "-" + asked + ".pdf").build().toString())
			.contentType(MediaType.APPLICATION_PDF)
			.body(pdf.render(report, Texts.offered(LocaleContextHolder.getLocale())));
	}

	private static QbrReports.Quarter quarter(String text) {
		try {
			return QbrReports.Quarter.parse(text);
		}
		catch (IllegalArgumentException ex) {
			throw new ResponseStatusException(org.springframework.http.HttpStatus.BAD_REQUEST, "qbr.invalid");
		}
	}
}
