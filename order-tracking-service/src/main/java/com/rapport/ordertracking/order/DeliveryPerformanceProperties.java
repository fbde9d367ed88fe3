package com.rapport.ordertracking.order;

import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How delivery figures are judged ({@code rapport.delivery-performance.*}).
 *
 * @param timeZone the supplier's business time zone (Asia/Shanghai): promised dates are dates of its calendar,
 *                 so a delivery is on time when its date there is on or before the promised date. One zone for
 *                 every organisation, as organisations have no time zone of their own (their contacts do).
 */
@ConfigurationProperties("rapport.delivery-performance")
public record DeliveryPerformanceProperties(ZoneId timeZone) {

	public DeliveryPerformanceProperties {
		timeZone = timeZone == null ? ZoneId.of("Asia/Shanghai") : timeZone;
	}
}
