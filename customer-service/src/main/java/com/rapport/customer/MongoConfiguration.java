package com.rapport.customer;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.data.auditing.DateTimeProvider;
import org.springframework.data.convert.ReadingConverter;
import org.springframework.data.convert.WritingConverter;
import org.springframework.data.mongodb.config.EnableMongoAuditing;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;

/**
 * Fills {@code @CreatedDate} and {@code @LastModifiedDate} (to the millisecond), and stores dates without a time (birthdays) as
 * ISO text: the default conversion to a BSON date goes through the server's time zone and could shift them
 * by a day. Apart from the application class so web slices load without a store.
 */
@Configuration(proxyBeanMethods = false)
@EnableMongoAuditing(dateTimeProviderRef = "auditingDateTimeProvider")
public class MongoConfiguration {

	/** Milliseconds, as BSON stores them: the answer to a write equals what a later read returns. */
	@Bean
	DateTimeProvider auditingDateTimeProvider() {
		return () -> Optional.of(Instant.now().truncatedTo(ChronoUnit.MILLIS));
	}

	@Bean
	MongoCustomConversions mongoCustomConversions() {
		return new MongoCustomConversions(List.of(LocalDateToString.INSTANCE, StringToLocalDate.INSTANCE));
	}

	@WritingConverter
	enum LocalDateToString implements Converter<LocalDate, String> {

		INSTANCE;

		@Override
		public String convert(LocalDate date) {
			return date.toString();
		}
	}

	@ReadingConverter
	enum StringToLocalDate implements Converter<String, LocalDate> {

		INSTANCE;

		@Override
		public LocalDate convert(String text) {
			return LocalDate.parse(text);
		}
	}
}
