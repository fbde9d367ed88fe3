package com.rapport.portal.qbr;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;

import org.springframework.stereotype.Component;

/**
 * Renders a QBR as PDF: the same Thymeleaf part as the console's page ({@code fragments/qbr}) in a page of its own with
 * print styles ({@code qbr/pdf}), read by jsoup into a DOM and laid out by openhtmltopdf (PDFBox). The text is set in
 * Noto Sans SC, which has Latin and Chinese glyphs (the renderer's built-in fonts have no Chinese, and it never looks
 * for the machine's fonts): its regular and bold TTF come from the {@code ph-fonts-noto-sans-sc} jar and are embedded
 * as subsets of the glyphs used.
 */
@Component
class QbrPdf {

	/** The family name the PDF's style sheet asks for ({@code qbr/pdf}). */
	static final String FONT_FAMILY = "Noto Sans SC";

	private static final String FONT_FILE = "fonts/ttf/NotoSansSC/NotoSansSC-%s.ttf";

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
			builder.useFont(() -> font("Regular"), FONT_FAMILY, 400, BaseRendererBuilder.FontStyle.NORMAL, true);
			builder.useFont(() -> font("Bold"), FONT_FAMILY, 700, BaseRendererBuilder.FontStyle.NORMAL, true);
			builder.withW3cDocument(new W3CDom().fromJsoup(Jsoup.parse(html)), "/");
			builder.toStream(pdf);
			builder.run();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return pdf.toByteArray();
	}

	/** A weight of Noto Sans SC from the classpath; read only when the layout needs it. */
	private static InputStream font(String weight) {
		InputStream file = QbrPdf.class.getClassLoader().getResourceAsStream(FONT_FILE.formatted(weight));
		if (file == null) {
			throw new IllegalStateException("Noto Sans SC " + weight + " is not on the classpath");
		}
		return file;
	}
}
