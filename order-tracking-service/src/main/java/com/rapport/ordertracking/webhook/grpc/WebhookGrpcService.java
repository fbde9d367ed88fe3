package com.rapport.ordertracking.webhook.grpc;

import java.time.Instant;
import java.util.function.Consumer;

import com.google.protobuf.Timestamp;
import com.rapport.contracts.ordertracking.v1.DeleteWebhookSubscriptionResponse;
import com.rapport.contracts.ordertracking.v1.ListWebhookDeliveriesRequest;
import com.rapport.contracts.ordertracking.v1.ListWebhookDeliveriesResponse;
import com.rapport.contracts.ordertracking.v1.ListWebhookSubscriptionsRequest;
import com.rapport.contracts.ordertracking.v1.ListWebhookSubscriptionsResponse;
import com.rapport.contracts.ordertracking.v1.ReplayWebhookDeliveryRequest;
import com.rapport.contracts.ordertracking.v1.UpdateWebhookSubscriptionRequest;
import com.rapport.contracts.ordertracking.v1.WebhookDelivery;
import com.rapport.contracts.ordertracking.v1.WebhookServiceGrpc;
import com.rapport.contracts.ordertracking.v1.WebhookSubscription;
import com.rapport.contracts.ordertracking.v1.WebhookSubscriptionDraft;
import com.rapport.contracts.ordertracking.v1.WebhookSubscriptionRequest;
import com.rapport.contracts.ordertracking.v1.WebhookSubscriptionWithSecret;
import com.rapport.contracts.ordertracking.v1.WebhookTry;
import com.rapport.ordertracking.webhook.WebhookDeliveries;
import com.rapport.ordertracking.webhook.WebhookSubscriptions;
import com.rapport.support.security.Caller;
import io.grpc.stub.StreamObserver;

import org.springframework.grpc.server.service.GrpcService;

/** The console's webhook subscriptions and delivery history (admins only, see WebhookSubscriptions). */
@GrpcService
class WebhookGrpcService extends WebhookServiceGrpc.WebhookServiceImplBase {

	private final WebhookSubscriptions subscriptions;

	private final WebhookDeliveries deliveries;

	WebhookGrpcService(WebhookSubscriptions subscriptions, WebhookDeliveries deliveries) {
		this.subscriptions = subscriptions;
		this.deliveries = deliveries;
	}

	@Override
	public void listWebhookSubscriptions(ListWebhookSubscriptionsRequest request,
			StreamObserver<ListWebhookSubscriptionsResponse> response) {
		ListWebhookSubscriptionsResponse.Builder answer = ListWebhookSubscriptionsResponse.newBuilder();
		subscriptions.list(Caller.current()).forEach(s -> answer.addSubscriptions(toProto(s)));
		answer(response, answer.build());
	}

	@Override
	public void getWebhookSubscription(WebhookSubscriptionRequest request, StreamObserver<WebhookSubscription> response) {
		answer(response, toProto(subscriptions.get(Caller.current(), request.getSubscriptionId())));
	}

	@Override
	public void createWebhookSubscription(WebhookSubscriptionDraft request,
			StreamObserver<WebhookSubscriptionWithSecret> response) {
		answer(response, toProto(subscriptions.create(Caller.current(), draft(request))));
	}

	@Override
	public void updateWebhookSubscription(UpdateWebhookSubscriptionRequest request,
			StreamObserver<WebhookSubscription> response) {
		answer(response, toProto(
				subscriptions.update(Caller.current(), request.getSubscriptionId(), draft(request.getDraft()))));
	}

	@Override
	public void enableWebhookSubscription(WebhookSubscriptionRequest request,
			StreamObserver<WebhookSubscription> response) {
		answer(response, toProto(subscriptions.enable(Caller.current(), request.getSubscriptionId())));
	}

	@Override
	public void disableWebhookSubscription(WebhookSubscriptionRequest request,
			StreamObserver<WebhookSubscription> response) {
		answer(response, toProto(subscriptions.disable(Caller.current(), request.getSubscriptionId())));
	}

	@Override
	public void deleteWebhookSubscription(WebhookSubscriptionRequest request,
			StreamObserver<DeleteWebhookSubscriptionResponse> response) {
		subscriptions.delete(Caller.current(), request.getSubscriptionId());
		answer(response, DeleteWebhookSubscriptionResponse.getDefaultInstance());
	}

	@Override
	public void rotateWebhookSecret(WebhookSubscriptionRequest request,
			StreamObserver<WebhookSubscriptionWithSecret> response) {
		answer(response, toProto(subscriptions.rotateSecret(Caller.current(), request.getSubscriptionId())));
	}

	@Override
	public void listWebhookDeliveries(ListWebhookDeliveriesRequest request,
			StreamObserver<ListWebhookDeliveriesResponse> response) {
		WebhookDeliveries.Page page = deliveries.ofSubscription(Caller.current(), request.getSubscriptionId(),
				request.getPage(), request.getPageSize());
		ListWebhookDeliveriesResponse.Builder answer = ListWebhookDeliveriesResponse.newBuilder()
			.setPage(page.page()).setPageSize(page.size()).setMore(page.more());
		page.deliveries().forEach(d -> answer.addDeliveries(toProto(d)));
		answer(response, answer.build());
	}

	@Override
	public void replayWebhookDelivery(ReplayWebhookDeliveryRequest request, StreamObserver<WebhookDelivery> response) {
		answer(response, toProto(deliveries.replay(Caller.current(), request.getDeliveryId())));
	}

	private static <T> void answer(StreamObserver<T> response, T value) {
		response.onNext(value);
		response.onCompleted();
	}

	private static WebhookSubscriptions.Draft draft(WebhookSubscriptionDraft draft) {
		return new WebhookSubscriptions.Draft(draft.getUrl(), draft.getEventsList(), draft.getDescription());
	}

	private static WebhookSubscriptionWithSecret toProto(
			com.rapport.ordertracking.webhook.WebhookSubscription.WithSecret created) {
		return WebhookSubscriptionWithSecret.newBuilder().setSubscription(toProto(created.subscription()))
			.setSecret(created.secret()).build();
	}

	static WebhookSubscription toProto(com.rapport.ordertracking.webhook.WebhookSubscription s) {
		WebhookSubscription.Builder b = WebhookSubscription.newBuilder().setId(s.id()).setUrl(s.url())
			.addAllEvents(s.events()).setDescription(text(s.description())).setEnabled(s.enabled())
			.setDisabledReason(s.disabledReason() == null ? "" : s.disabledReason().name())
			.setCreatedBy(text(s.createdBy())).setChangedBy(text(s.changedBy())).setLastState(text(s.lastState()))
			.setLastStatus(s.lastStatus() == null ? 0 : s.lastStatus());
		set(s.disabledAt(), b::setDisabledAt);
		set(s.failingSince(), b::setFailingSince);
		set(s.createdAt(), b::setCreatedAt);
		set(s.changedAt(), b::setChangedAt);
		set(s.lastAttemptAt(), b::setLastAttemptAt);
		return b.build();
	}

	static WebhookDelivery toProto(com.rapport.ordertracking.webhook.WebhookDelivery d) {
		WebhookDelivery.Builder b = WebhookDelivery.newBuilder().setId(d.id()).setSubscriptionId(d.subscriptionId())
			.setEventId(d.eventId()).setEventType(d.eventType()).setOrderId(text(d.orderId()))
			.setCustomerId(text(d.customerId())).setOrderNumber(text(d.orderNumber())).setState(d.state().name())
			.setAttempts(d.attempts()).setLastStatus(d.lastStatus() == null ? 0 : d.lastStatus())
			.setLastError(text(d.lastError())).setBody(text(d.body()));
		set(d.nextAttemptAt(), b::setNextAttemptAt);
		set(d.createdAt(), b::setCreatedAt);
		set(d.deliveredAt(), b::setDeliveredAt);
		for (var t : d.tries()) {
			WebhookTry.Builder tried = WebhookTry.newBuilder().setStatus(t.status() == null ? 0 : t.status())
				.setError(text(t.error())).setDurationMillis(t.durationMillis());
			set(t.at(), tried::setAt);
			b.addTries(tried);
		}
		return b.build();
	}

	private static void set(Instant instant, Consumer<Timestamp> setter) {
		if (instant != null) {
			setter.accept(Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).setNanos(instant.getNano()).build());
		}
	}

	private static String text(String value) {
		return value == null ? "" : value;
	}
}
