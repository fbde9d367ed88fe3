package com.rapport.portal.remote;

import java.util.List;
import java.util.Map;

import com.rapport.contracts.customer.v1.GetLifecycleFiguresRequest;
import com.rapport.contracts.customer.v1.GetSegmentChoicesRequest;
import com.rapport.contracts.customer.v1.LifecycleFigures;
import com.rapport.contracts.customer.v1.LifecycleFiguresServiceGrpc.LifecycleFiguresServiceBlockingStub;
import com.rapport.contracts.customer.v1.LifecycleGroup;
import com.rapport.contracts.customer.v1.LifecycleSegment;
import com.rapport.contracts.customer.v1.SegmentChoices;
import com.rapport.support.grpc.CallTokens;
import com.rapport.support.grpc.RemoteCalls;

import org.springframework.stereotype.Component;

/**
 * customer-service's lifecycle stages counted now (active, dormant, churned, retention), the changes of a period by
 * segment, and the industries and regions found, with the user's token.
 */
@Component
public class LifecycleFiguresClient {

	private final LifecycleFiguresServiceBlockingStub stub;

	private final RemoteCalls remoteCalls;

	private final CallTokens tokens;

	LifecycleFiguresClient(LifecycleFiguresServiceBlockingStub stub, RemoteCalls remoteCalls, CallTokens tokens) {
		this.stub = stub;
		this.remoteCalls = remoteCalls;
		this.tokens = tokens;
	}

	/** {@code customerIds} empty: every organisation's; each group's too. */
	public LifecycleFigures figures(List<String> customerIds, Map<String, List<String>> groups) {
		GetLifecycleFiguresRequest.Builder request = GetLifecycleFiguresRequest.newBuilder().addAllCustomerIds(customerIds);
		groups.forEach((label, ids) -> request.addGroups(LifecycleGroup.newBuilder().setLabel(label).addAllCustomerIds(ids)));
		return remoteCalls.read(CustomerClient.REMOTE, () -> stub.withCallCredentials(tokens.forCurrentCaller())
			.getLifecycleFigures(request.build()));
	}

	/**
	 * By segment: the stages now of the organisations the filter admits (each part empty: any), the period's changes
	 * month by month, and a group per value of the breakdown.
	 */
	public LifecycleFigures bySegment(String fromMonth, String toMonth, String tier, String industry, String region,
			String breakdown) {
		GetLifecycleFiguresRequest request = GetLifecycleFiguresRequest.newBuilder().setFromMonth(fromMonth)
			.setToMonth(toMonth)
			.setSegment(LifecycleSegment.newBuilder().setTier(tier).setIndustry(industry).setRegion(region))
			.setBreakdown(breakdown)
			.build();
		return remoteCalls.read(CustomerClient.REMOTE, () -> stub.withCallCredentials(tokens.forCurrentCaller())
			.getLifecycleFigures(request));
	}

	/** The industries and regions organisations have now: the dashboard's filter choices. */
	public SegmentChoices choices() {
		return remoteCalls.read(CustomerClient.REMOTE, () -> stub.withCallCredentials(tokens.forCurrentCaller())
			.getSegmentChoices(GetSegmentChoicesRequest.getDefaultInstance()));
	}
}
