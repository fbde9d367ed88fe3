package com.rapport.portal.live;

import com.rapport.contracts.ordertracking.v1.OrderEventsServiceGrpc;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.grpc.client.GrpcChannelFactory;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LiveProperties.class)
class LiveConfiguration {

	/** Asynchronous: a stream is read as its messages come, by gRPC's threads, never by a waiting request thread. */
	@Bean
	OrderEventsServiceGrpc.OrderEventsServiceStub orderEventsServiceStub(GrpcChannelFactory channels) {
		return OrderEventsServiceGrpc.newStub(channels.createChannel("order-tracking-service"));
	}
}
