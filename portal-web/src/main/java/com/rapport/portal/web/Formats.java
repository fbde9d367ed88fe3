package com.rapport.portal.web;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.Locale;

import com.google.protobuf.Timestamp;
import com.rapport.contracts.ordertracking.v1.Money;

import org.jsoup.Jsoup;
import org.jsoup.safety.Safelist;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;

/**
 * Turns stored values (UTC instants, minor units) into what the viewer reads: their language and their
 * time zone. Used from templates as {@code @fmt}.
 */
@Component("fmt")
public class Formats {

	private static final Safelist SAFE_HTML = Safelist.basic().removeTags("span", "sub", "sup", "small", "cite", "dl", "dt", "dd");

	private final PortalProperties properties;

	Formats(PortalProperties properties) {
		this.properties = properties;
	}

	public String dateTime(Timestamp timestamp) {
		if (timestamp == null || (timestamp.getSeconds() == 0 && timestamp.getNanos() == 0)) {
			return "";
		}
		Instant instant = Instant.ofEpochSecond(timestamp.getSeconds(), timestamp.getNanos());
		return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
			.withLocale(LocaleContextHolder.getLocale()).withZone(zone()).format(instant);
	}

	/** Whole minutes from now until the instant, negative once it has passed (an SLA due time, say). */
	public long minutesUntil(Timestamp timestamp) {
		Instant instant = Instant.ofEpochSecond(timestamp.getSeconds(), timestamp.getNanos());
		return Math.floorDiv(instant.toEpochMilli() - System.currentTimeMillis(), 60_000L);
	}

	public String date(String isoDate) {
		if (isoDate == null || isoDate.isEmpty()) {
			return "";
		}
		return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(LocaleContextHolder.getLocale())
			.format(LocalDate.parse(isoDate));
	}

	/** A share in basis points (9230) as a percentage with one decimal ("92.3%"), rounded down. */
	public String percent(int basisPoints) {
		NumberFormat format = NumberFormat.getPercentInstance(LocaleContextHolder.getLocale());
		format.setMinimumFractionDigits(1);
		format.setMaximumFractionDigits(1);
		format.setRoundingMode(java.math.RoundingMode.DOWN);
		return format.format(BigDecimal.valueOf(basisPoints, 4));
	}

	/**
	 * An amount sent as text in a currency ({@code "1321200.5"}, {@code "CNY"}), with that currency's minor digits
	 * ({@code 1,321,200.50}; none for JPY), grouped as the viewer reads numbers. Only the number: the messages
	 * place the currency code. An unknown currency keeps up to two decimals.
	 */
	public String amount(String amount, String currency) {
		if (amount == null || amount.isBlank()) {
			return "";
		}
		int digits = 2;
		try {
			digits = Math.max(Currency.getInstance(currency == null ? "" : currency.strip()).getDefaultFractionDigits(), 0);
		}
		catch (IllegalArgumentException ex) {
			// not an ISO 4217 code: show it as a plain amount
		}
		NumberFormat format = NumberFormat.getNumberInstance(LocaleContextHolder.getLocale());
		format.setMinimumFractionDigits(digits);
		format.setMaximumFractionDigits(digits);
		return format.format(new BigDecimal(amount));
	}

	public String money(Money money) {
		if (money == null || money.getCurrency().isEmpty()) {
			return "";
		}
		Currency currency = Currency.getInstance(money.getCurrency());
		Locale locale = LocaleContextHolder.getLocale();
		NumberFormat format = NumberFormat.getNumberInstance(locale);
		format.setMinimumFractionDigits(currency.getDefaultFractionDigits());
		format.setMaximumFractionDigits(currency.getDefaultFractionDigits());
		return currency.getCurrencyCode() + " "
				+ format.format(BigDecimal.valueOf(money.getMinorUnits(), currency.getDefaultFractionDigits()));
	}

	/** A country's name in the viewer's language from its ISO 3166-1 alpha-2 code; the code itself when unknown. */
	public String country(String code) {
		if (code == null || code.isBlank()) {
			return "";
		}
		String name = new Locale("", code.strip()).getDisplayCountry(LocaleContextHolder.getLocale());
		return name.isEmpty() ? code : name;
	}

	/**
	 * A conversation message's body as a page may show it unescaped: ticket-service sends it sanitised, and it is
	 * cleaned once more here (paragraphs, line breaks, emphasis, lists, quotes, code and links only; links
	 * open nothing but http, https and mailto, and carry rel="nofollow").
	 */
	public String html(String body) {
		return body == null ? "" : Jsoup.clean(body, SAFE_HTML);
	}

	/** ISO-8601 instant for a {@code <time datetime>} attribute (the console's countdowns read it). */
	public String iso(Timestamp timestamp) {
		return Instant.ofEpochSecond(timestamp.getSeconds(), timestamp.getNanos()).toString();
	}

	/** The viewer's zone: the token's {@code zoneinfo} claim when it names a valid zone, else the default. */
	public ZoneId zone() {
		if (SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken jwt) {
			String zone = jwt.getToken().getClaimAsString("zoneinfo");
			if (zone != null && ZoneId.getAvailableZoneIds().contains(zone)) {
				return ZoneId.of(zone);
			}
		}
		return properties.defaultTimeZone();
	}
}
