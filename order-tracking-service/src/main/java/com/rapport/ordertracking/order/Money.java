package com.rapport.ordertracking.order;

import java.math.BigDecimal;
import java.util.Currency;

/** An amount in minor units of an ISO 4217 currency: never a floating-point number. */
public record Money(String currency, long minorUnits) {

	public static Money of(Currency currency, BigDecimal amount) {
		return new Money(currency.getCurrencyCode(),
				amount.movePointRight(currency.getDefaultFractionDigits()).longValueExact());
	}

	public BigDecimal amount() {
		return BigDecimal.valueOf(minorUnits, Currency.getInstance(currency).getDefaultFractionDigits());
	}
}
