package com.rapport.portal.remote;

import com.rapport.contracts.customer.v1.CustomerServiceGrpc;
import com.rapport.contracts.customer.v1.CustomerServiceGrpc.CustomerServiceBlockingStub;
import com.rapport.contracts.customer.v1.TieringPolicyServiceGrpc;
import com.rapport.contracts.customer.v1.TieringPolicyServiceGrpc.TieringPolicyServiceBlockingStub;
import com.rapport.contracts.feedback.v1.FeedbackServiceGrpc;
import com.rapport.contracts.feedback.v1.FeedbackServiceGrpc.FeedbackServiceBlockingStub;
import com.rapport.contracts.ordertracking.v1.OrderTrackingServiceGrpc;
import com.rapport.contracts.ordertracking.v1.OrderTrackingServiceGrpc.OrderTrackingServiceBlockingStub;
import com.rapport.contracts.ticket.v1.TicketServiceGrpc;
import com.rapport.contracts.ticket.v1.TicketServiceGrpc.TicketServiceBlockingStub;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.grpc.client.GrpcChannelFactory;

@Configuration(proxyBeanMethods = false)
class RemoteClientsConfiguration {

	@Bean
	CustomerServiceBlockingStub customerServiceStub(GrpcChannelFactory channels) {
		return CustomerServiceGrpc.newBlockingStub(channels.createChannel(CustomerClient.REMOTE));
	}

	@Bean
	TieringPolicyServiceBlockingStub tieringPolicyServiceStub(GrpcChannelFactory channels) {
		return TieringPolicyServiceGrpc.newBlockingStub(channels.createChannel(CustomerClient.REMOTE));
	}

	@Bean
	OrderTrackingServiceBlockingStub orderTrackingServiceStub(GrpcChannelFactory channels) {
		return OrderTrackingServiceGrpc.newBlockingStub(channels.createChannel(OrderClient.REMOTE));
	}

	@Bean
	FeedbackServiceBlockingStub feedbackServiceStub(GrpcChannelFactory channels) {
		return FeedbackServiceGrpc.newBlockingStub(channels.createChannel(FeedbackClient.REMOTE));
	}

	@Bean
	TicketServiceBlockingStub ticketServiceStub(GrpcChannelFactory channels) {
		return TicketServiceGrpc.newBlockingStub(channels.createChannel(TicketClient.REMOTE));
	}
}
