package com.rapport.support.customer.grpc;

import com.rapport.contracts.customer.v1.OrganisationServiceGrpc;
import com.rapport.support.grpc.CallTokens;
import com.rapport.support.grpc.RemoteCalls;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.grpc.client.GrpcChannelFactory;

/**
 * The {@link OrganisationSummaryClient} on channel {@value OrganisationSummaryClient#REMOTE}
 * ({@code spring.grpc.client.channels.customer-service.*}, where the address and the deadline are set). Not an
 * auto-configuration: a service that needs organisation summaries imports it where it uses them.
 */
@Configuration(proxyBeanMethods = false)
public class OrganisationSummaryClientConfiguration {

	@Bean
	OrganisationSummaryClient organisationSummaryClient(GrpcChannelFactory channels, RemoteCalls remoteCalls,
			CallTokens tokens) {
		return new OrganisationSummaryClient(
				OrganisationServiceGrpc.newBlockingStub(channels.createChannel(OrganisationSummaryClient.REMOTE)),
				remoteCalls, tokens);
	}
}
