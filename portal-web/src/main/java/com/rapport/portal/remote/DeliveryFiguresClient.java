package com.rapport.portal.remote;

import java.util.List;
import java.util.Map;

import com.rapport.contracts.ordertracking.v1.DeliveryFigures;
import com.rapport.contracts.ordertracking.v1.DeliveryFiguresServiceGrpc.DeliveryFiguresServiceBlockingStub;
import com.rapport.contracts.ordertracking.v1.DeliveryGroup;
import com.rapport.contracts.ordertracking.v1.GetDeliveryFiguresRequest;
import com.rapport.support.grpc.CallTokens;
import com.rapport.support.grpc.RemoteCalls;

import org.springframework.stereotype.Component;

/** order-tracking-service's on-time delivery month by month, with the signed-in user's token. */
@Component
public class DeliveryFiguresClient {

	private final DeliveryFiguresServiceBlockingStub stub;

	private final RemoteCalls remoteCalls;

	private final CallTokens tokens;

	DeliveryFiguresClient(DeliveryFiguresServiceBlockingStub stub, RemoteCalls remoteCalls, CallTokens tokens) {
		this.stub = stub;
		this.remoteCalls = remoteCalls;
		this.tokens = tokens;
	}

	/** From {@code fromMonth} to {@code toMonth}; {@code customerIds} empty: every organisation's; each group's too. */
	public DeliveryFigures figures(String fromMonth, String toMonth, List<String> customerIds,
			Map<String, List<String>> groups) {
		GetDeliveryFiguresRequest.Builder request = GetDeliveryFiguresRequest.newBuilder().setFromMonth(fromMonth)
			.setToMonth(toMonth).addAllCustomerIds(customerIds);
		groups.forEach((label, ids) -> request.addGroups(DeliveryGroup.newBuilder().setLabel(label).addAllCustomerIds(ids)));
		return remoteCalls.read(OrderClient.REMOTE, () -> stub.withCallCredentials(tokens.forCurrentCaller())
			.getDeliveryFigures(request.build()));
	}
}
