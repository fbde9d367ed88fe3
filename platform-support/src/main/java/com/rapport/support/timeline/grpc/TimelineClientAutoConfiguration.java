package com.rapport.support.timeline.grpc;

import com.rapport.contracts.customer.v1.TimelineServiceGrpc;
import com.rapport.contracts.customer.v1.TimelineServiceGrpc.TimelineServiceBlockingStub;
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
 * In a service with a {@link TimelineOutbox}: the client of customer-service's timeline
 * ({@code rapport.customer.v1.TimelineService}) on channel {@value GrpcInteractionRecorder#REMOTE}
 * ({@code spring.grpc.client.channels.customer-service.*}, where the deadline is set), and the timeline recorder
 * over it. Nothing else uses this stub: a service that reads organisations imports
 * {@link com.rapport.support.customer.grpc.OrganisationSummaryClientConfiguration}.
 */
@AutoConfiguration(after = GrpcClientSupportAutoConfiguration.class)
@ConditionalOnBean(TimelineOutbox.class)
public class TimelineClientAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	TimelineServiceBlockingStub timelineServiceStub(GrpcChannelFactory channels) {
		return TimelineServiceGrpc.newBlockingStub(channels.createChannel(GrpcInteractionRecorder.REMOTE));
	}

	@Bean
	@ConditionalOnMissingBean(InteractionRecorder.class)
	GrpcInteractionRecorder interactionRecorder(TimelineServiceBlockingStub stub, RemoteCalls remoteCalls,
			CallTokens tokens, @Value("${spring.application.name}") String source) {
		return new GrpcInteractionRecorder(stub, remoteCalls, tokens, source);
	}
}
