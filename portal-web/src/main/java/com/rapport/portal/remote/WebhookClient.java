package com.rapport.portal.remote;

import java.util.List;

import com.rapport.contracts.ordertracking.v1.ListWebhookDeliveriesRequest;
import com.rapport.contracts.ordertracking.v1.ListWebhookDeliveriesResponse;
import com.rapport.contracts.ordertracking.v1.ListWebhookSubscriptionsRequest;
import com.rapport.contracts.ordertracking.v1.ReplayWebhookDeliveryRequest;
import com.rapport.contracts.ordertracking.v1.UpdateWebhookSubscriptionRequest;
import com.rapport.contracts.ordertracking.v1.WebhookDelivery;
import com.rapport.contracts.ordertracking.v1.WebhookServiceGrpc.WebhookServiceBlockingStub;
import com.rapport.contracts.ordertracking.v1.WebhookSubscription;
import com.rapport.contracts.ordertracking.v1.WebhookSubscriptionDraft;
import com.rapport.contracts.ordertracking.v1.WebhookSubscriptionRequest;
import com.rapport.contracts.ordertracking.v1.WebhookSubscriptionWithSecret;
import com.rapport.support.grpc.CallTokens;
import com.rapport.support.grpc.RemoteCalls;

import org.springframework.stereotype.Component;

/** Partner webhooks in order-tracking-service (admins only; it decides, with the signed-in user's token). */
@Component
public class WebhookClient {

	private final WebhookServiceBlockingStub stub;

	private final RemoteCalls remoteCalls;

	private final CallTokens tokens;

	WebhookClient(WebhookServiceBlockingStub stub, RemoteCalls remoteCalls, CallTokens tokens) {
		this.stub = stub;
		this.remoteCalls = remoteCalls;
		this.tokens = tokens;
	}

	public List<WebhookSubscription> subscriptions() {
		return remoteCalls.read(OrderClient.REMOTE, () -> caller()
			.listWebhookSubscriptions(ListWebhookSubscriptionsRequest.getDefaultInstance()).getSubscriptionsList());
	}

	public WebhookSubscription subscription(String id) {
		return remoteCalls.read(OrderClient.REMOTE, () -> caller().getWebhookSubscription(of(id)));
	}

	/** A new subscription and its secret, which is never answered again. */
	public WebhookSubscriptionWithSecret create(WebhookSubscriptionDraft draft) {
		return remoteCalls.write(OrderClient.REMOTE, () -> caller().createWebhookSubscription(draft));
	}

	public WebhookSubscription update(String id, WebhookSubscriptionDraft draft) {
		return remoteCalls.write(OrderClient.REMOTE, () -> caller().updateWebhookSubscription(
				UpdateWebhookSubscriptionRequest.newBuilder().setSubscriptionId(id).setDraft(draft).build()));
	}

	public WebhookSubscription enable(String id) {
		return remoteCalls.write(OrderClient.REMOTE, () -> caller().enableWebhookSubscription(of(id)));
	}

	public WebhookSubscription disable(String id) {
		return remoteCalls.write(OrderClient.REMOTE, () -> caller().disableWebhookSubscription(of(id)));
	}

	public void delete(String id) {
		remoteCalls.write(OrderClient.REMOTE, () -> caller().deleteWebhookSubscription(of(id)));
	}

	public WebhookSubscriptionWithSecret rotateSecret(String id) {
		return remoteCalls.write(OrderClient.REMOTE, () -> caller().rotateWebhookSecret(of(id)));
	}

	/** A page of the subscription's deliveries, newest first. */
	public ListWebhookDeliveriesResponse deliveries(String id, int page, int pageSize) {
		return remoteCalls.read(OrderClient.REMOTE, () -> caller().listWebhookDeliveries(ListWebhookDeliveriesRequest
			.newBuilder().setSubscriptionId(id).setPage(page).setPageSize(pageSize).build()));
	}

	public WebhookDelivery replay(String deliveryId) {
		return remoteCalls.write(OrderClient.REMOTE, () -> caller()
			.replayWebhookDelivery(ReplayWebhookDeliveryRequest.newBuilder().setDeliveryId(deliveryId).build()));
	}

	private WebhookServiceBlockingStub caller() {
		return stub.withCallCredentials(tokens.forCurrentCaller());
	}

	private static WebhookSubscriptionRequest of(String id) {
		return WebhookSubscriptionRequest.newBuilder().setSubscriptionId(id).build();
	}
}
