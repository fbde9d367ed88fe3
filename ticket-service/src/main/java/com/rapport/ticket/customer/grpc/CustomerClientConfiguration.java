package com.rapport.ticket.customer.grpc;

import com.rapport.contracts.customer.v1.CustomerServiceGrpc;
import com.rapport.contracts.customer.v1.CustomerServiceGrpc.CustomerServiceBlockingStub;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.grpc.client.GrpcChannelFactory;

@Configuration(proxyBeanMethods = false)
class CustomerClientConfiguration {

	@Bean
	CustomerServiceBlockingStub customerServiceStub(GrpcChannelFactory channels) {
		return CustomerServiceGrpc.newBlockingStub(channels.createChannel(GrpcCustomerDirectory.REMOTE));
	}
}
