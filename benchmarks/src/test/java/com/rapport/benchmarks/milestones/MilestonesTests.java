package com.rapport.benchmarks.milestones;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MilestonesTests {

	@Test
	void aFoldedSubjectIsReadWhole() {
		assertThat(MailWatch.subjectOf("Subject: Order M-ABC-12:\r\n in production\r\n\r\n"))
			.isEqualTo("Order M-ABC-12: in production");
		assertThat(MailWatch.subjectOf("subject: Order M-1: packed\r\n")).isEqualTo("Order M-1: packed");
		assertThat(MailWatch.subjectOf("\r\n")).isEmpty();
	}

	/** The mails are matched by subject: the words must be the ones order-tracking-service writes in English. */
	@Test
	void eachStepIsNamedAsTheEnglishMailNamesIt() throws IOException {
		Properties mail = new Properties();
		try (Reader reader = Files.newBufferedReader(
				Path.of("../order-tracking-service/src/main/resources/i18n/notifications.properties"),
				StandardCharsets.UTF_8)) {
			mail.load(reader);
		}
		assertThat(mail.getProperty("mail.MILESTONE_REACHED.subject")).isEqualTo("Order {0}: {1}");
		Milestones.SAID.forEach((code, said) -> assertThat(mail.getProperty("milestone." + code)).as(code).isEqualTo(said));
	}
}
