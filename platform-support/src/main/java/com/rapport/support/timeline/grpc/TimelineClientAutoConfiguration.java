package com.rapport.support.timeline.grpc;

import com.rapport.contracts.customer.v1.CustomerServiceGrpc;
import com.rapport.contracts.customer.v1.CustomerServiceGrpc.CustomerServiceBlockingStub;
import com.rapport.support.grpc.CallTokens;
import com.rapport.support.grpc.GrpcClientSupportAutoConfiguration;
import com.rapport.support.grpc.RemoteCalls;
import com.rapport.support.timeline.InteractionRecorder;
import com.rapport.support.timeline.TimelineOutbox;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.grpc.client.GrpcChannelFactory;

/**
 * In a service with a {@link TimelineOutbox}: the client of customer-service on channel
 * {@value GrpcInteractionRecorder#REMOTE} ({@code spring.grpc.client.channels.customer-service.*}, where the
 * deadline is set), which the service's own gRPC clients of customer-service use too, and the timeline
 * recorder over it.
 */
@AutoConfiguration(after = GrpcClientSupportAutoConfiguration.class)
@ConditionalOnBean(TimelineOutbox.class)
public class TimelineClientAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	CustomerServiceBlockingStub customerServiceStub(GrpcChannelFactory channels) {
		return CustomerServiceGrpc.newBlockingStub(channels.createChannel(GrpcInteractionRecorder.REMOTE));
	}

	@Bean
	@ConditionalOnMissingBean(InteractionRecorder.class)
	GrpcInteractionRecorder interactionRecorder(CustomerServiceBlockingStub stub, RemoteCalls remoteCalls,
			CallTokens tokens, @Value("${spring.application.name}") String source) {
		return new GrpcInteractionRecorder(stub, remoteCalls, tokens, source);
	}
}
