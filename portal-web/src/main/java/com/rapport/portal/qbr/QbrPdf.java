package com.rapport.portal.qbr;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;

import org.springframework.stereotype.Component;

/**
 * Renders a QBR as PDF: the same Thymeleaf part as the console's page ({@code fragments/qbr}) in a page of its own with
 * print styles ({@code qbr/pdf}), read by jsoup into a DOM and laid out by openhtmltopdf (PDFBox).
 */
@Component
class QbrPdf {

	private final SpringTemplateEngine templates;

	QbrPdf(SpringTemplateEngine templates) {
		this.templates = templates;
	}

	byte[] render(QbrReport report, Locale locale) {
		Context context = new Context(locale);
		context.setVariable("report", report);
		context.setVariable("madeAt",
				DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC).format(Instant.now()));
		String html = templates.process("qbr/pdf", context);
		ByteArrayOutputStream pdf = new ByteArrayOutputStream();
		try {
			PdfRendererBuilder builder = new PdfRendererBuilder();
			builder.useFastMode();
			builder.withW3cDocument(new W3CDom().fromJsoup(Jsoup.parse(html)), "/");
			builder.toStream(pdf);
			builder.run();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return pdf.toByteArray();
	}
}
