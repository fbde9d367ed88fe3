package com.rapport.portal.remote;

import com.rapport.contracts.customer.v1.CustomerValue;
import com.rapport.contracts.customer.v1.GetCustomerValueRequest;
import com.rapport.contracts.customer.v1.GetGrowthSettingsRequest;
import com.rapport.contracts.customer.v1.GrowthSettings;
import com.rapport.contracts.customer.v1.GrowthServiceGrpc.GrowthServiceBlockingStub;
import com.rapport.contracts.customer.v1.ListCustomersAtRiskRequest;
import com.rapport.contracts.customer.v1.ListCustomersAtRiskResponse;
import com.rapport.contracts.customer.v1.ListValueBySegmentRequest;
import com.rapport.contracts.customer.v1.ListValueBySegmentResponse;
import com.rapport.contracts.customer.v1.UpdateGrowthSettingsRequest;
import com.rapport.contracts.customer.v1.ValueSegment;
import com.rapport.support.grpc.CallTokens;
import com.rapport.support.grpc.RemoteCalls;

import org.springframework.stereotype.Component;

/** Growth figures in customer-service (lifetime value, value by segment); it decides who may read them. */
@Component
public class GrowthClient {

	private final GrowthServiceBlockingStub stub;

	private final RemoteCalls remoteCalls;

	private final CallTokens tokens;

	GrowthClient(GrowthServiceBlockingStub stub, RemoteCalls remoteCalls, CallTokens tokens) {
		this.stub = stub;
		this.remoteCalls = remoteCalls;
		this.tokens = tokens;
	}

	/** One organisation's lifetime value with the inputs of its projection (staff). */
	public CustomerValue value(String organisationId) {
		return remoteCalls.read(CustomerClient.REMOTE, () -> stub.withCallCredentials(tokens.forCurrentCaller())
			.getCustomerValue(GetCustomerValueRequest.newBuilder().setOrganisationId(organisationId).build()));
	}

	/** Every organisation's value summed by one segment (managers and admins). */
	public ListValueBySegmentResponse bySegment(ValueSegment segment) {
		return remoteCalls.read(CustomerClient.REMOTE, () -> stub.withCallCredentials(tokens.forCurrentCaller())
			.listValueBySegment(ListValueBySegmentRequest.newBuilder().setSegment(segment).build()));
	}

	/** The organisations at risk, most valuable first, with their reasons (staff). */
	public ListCustomersAtRiskResponse atRisk() {
		return remoteCalls.read(CustomerClient.REMOTE, () -> stub.withCallCredentials(tokens.forCurrentCaller())
			.listCustomersAtRisk(ListCustomersAtRiskRequest.getDefaultInstance()));
	}

	/** The churn-risk threshold and reorder lead days in force (staff). */
	public GrowthSettings settings() {
		return remoteCalls.read(CustomerClient.REMOTE, () -> stub.withCallCredentials(tokens.forCurrentCaller())
			.getGrowthSettings(GetGrowthSettingsRequest.getDefaultInstance()));
	}

	/** Saves them over the version read (managers and admins); never retried. */
	public GrowthSettings updateSettings(int riskThreshold, int reorderLeadDays, long version) {
		return remoteCalls.write(CustomerClient.REMOTE, () -> stub.withCallCredentials(tokens.forCurrentCaller())
			.updateGrowthSettings(UpdateGrowthSettingsRequest.newBuilder().setRiskThreshold(riskThreshold)
				.setReorderLeadDays(reorderLeadDays).setVersion(version).build()));
	}
}
