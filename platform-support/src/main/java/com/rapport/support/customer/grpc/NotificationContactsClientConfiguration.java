package com.rapport.support.customer.grpc;

import com.rapport.contracts.customer.v1.ContactServiceGrpc;
import com.rapport.support.grpc.CallTokens;
import com.rapport.support.grpc.RemoteCalls;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.grpc.client.GrpcChannelFactory;

/**
 * The {@link NotificationContactsClient} on channel {@value OrganisationSummaryClient#REMOTE}. Not an
 * auto-configuration: a service that tells contacts of something imports it where it asks for them.
 */
@Configuration(proxyBeanMethods = false)
public class NotificationContactsClientConfiguration {

	@Bean
	NotificationContactsClient notificationContactsClient(GrpcChannelFactory channels, RemoteCalls remoteCalls,
			CallTokens tokens) {
		return new NotificationContactsClient(
				ContactServiceGrpc.newBlockingStub(channels.createChannel(OrganisationSummaryClient.REMOTE)),
				remoteCalls, tokens);
	}
}
