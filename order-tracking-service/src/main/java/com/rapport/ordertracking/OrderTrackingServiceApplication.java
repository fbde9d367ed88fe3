package com.rapport.ordertracking;

import java.time.Clock;

import com.rapport.ordertracking.notification.NotificationProperties;
import com.rapport.ordertracking.order.DeliveryPerformanceProperties;
import com.rapport.ordertracking.order.OrderProgressProperties;
import com.rapport.ordertracking.webhook.WebhookProperties;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@EnableScheduling
@EnableConfigurationProperties({ DeliveryPerformanceProperties.class, OrderProgressProperties.class,
		NotificationProperties.class, WebhookProperties.class })
public class OrderTrackingServiceApplication {

	public static void main(String[] args) {
		SpringApplication.run(OrderTrackingServiceApplication.class, args);
	}

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}
}
