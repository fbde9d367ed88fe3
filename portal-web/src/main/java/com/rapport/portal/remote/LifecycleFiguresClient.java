package com.rapport.portal.remote;

import java.util.List;
import java.util.Map;

import com.rapport.contracts.customer.v1.GetLifecycleFiguresRequest;
import com.rapport.contracts.customer.v1.LifecycleFigures;
import com.rapport.contracts.customer.v1.LifecycleFiguresServiceGrpc.LifecycleFiguresServiceBlockingStub;
import com.rapport.contracts.customer.v1.LifecycleGroup;
import com.rapport.support.grpc.CallTokens;
import com.rapport.support.grpc.RemoteCalls;

import org.springframework.stereotype.Component;

/** customer-service's lifecycle stages counted now (active, dormant, churned, retention), with the user's token. */
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
}
