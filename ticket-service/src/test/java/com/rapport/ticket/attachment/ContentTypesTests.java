package com.rapport.ticket.attachment;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** An attachment's type comes from its bytes; the name only narrows a container the bytes already are. */
class ContentTypesTests {

	static final byte[] PDF = "%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

	static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0,
			0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0 };

	/** The start of a Windows program. */
	static final byte[] EXE = { 'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, (byte) 0xff, (byte) 0xff, 0, 0,
			(byte) 0xb8, 0, 0, 0, 0, 0, 0, 0, 0x40, 0, 0, 0 };

	static byte[] officeZip() throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
			zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
			zip.write("<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"
				.getBytes(StandardCharsets.UTF_8));
			zip.closeEntry();
		}
		return bytes.toByteArray();
	}

	@Test
	void aPdfIsAPdfWhateverItIsCalled() {
		assertThat(ContentTypes.of(PDF, "invoice.pdf")).isEqualTo("application/pdf");
		assertThat(ContentTypes.of(PDF, "photo.png")).isEqualTo("application/pdf");
		assertThat(ContentTypes.of(PNG, "notes.txt")).isEqualTo("image/png");
	}

	@Test
	void aProgramNamedLikeADocumentStaysAProgram() {
		assertThat(ContentTypes.of(EXE, "invoice.pdf")).isNotEqualTo("application/pdf")
			.isNotIn(AttachmentProperties.DEFAULT_TYPES);
		byte[] noise = { 0, 1, 2, 3, (byte) 0xfe, (byte) 0xfd, 7, 0, 0, 9 };
		assertThat(ContentTypes.of(noise, "report.pdf")).isEqualTo("application/octet-stream");
	}

	@Test
	void theNameNarrowsTextAndOfficeContainersOnly() throws IOException {
		byte[] csv = "order,qty\nACME-1015,40\n".getBytes(StandardCharsets.UTF_8);
		assertThat(ContentTypes.of(csv, "counts.csv")).isEqualTo("text/csv");
		assertThat(ContentTypes.of(csv, "counts.txt")).isEqualTo("text/plain");
		assertThat(ContentTypes.of(officeZip(), "offer.docx"))
			.isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
		assertThat(ContentTypes.of(officeZip(), "offer.zip")).isNotIn(AttachmentProperties.DEFAULT_TYPES);
	}

	@Test
	void htmlOrScriptIsNotTextHoweverItIsNamed() {
		byte[] page = "<html><body><script>alert(1)</script></body></html>".getBytes(StandardCharsets.UTF_8);
		assertThat(ContentTypes.of(page, "readme.txt")).isEqualTo("text/html");
		byte[] text = "alert(document.cookie)".getBytes(StandardCharsets.UTF_8);
		assertThat(ContentTypes.of(text, "readme.html")).isNotIn(AttachmentProperties.DEFAULT_TYPES);
	}
}
