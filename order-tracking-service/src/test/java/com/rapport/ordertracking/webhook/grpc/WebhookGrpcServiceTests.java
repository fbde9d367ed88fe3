package com.rapport.ordertracking.webhook.grpc;

import java.util.List;

import com.google.rpc.BadRequest;
import com.rapport.contracts.ordertracking.v1.ListWebhookDeliveriesRequest;
import com.rapport.contracts.ordertracking.v1.ListWebhookSubscriptionsRequest;
import com.rapport.contracts.ordertracking.v1.ReplayWebhookDeliveryRequest;
import com.rapport.contracts.ordertracking.v1.WebhookServiceGrpc;
import com.rapport.contracts.ordertracking.v1.WebhookServiceGrpc.WebhookServiceBlockingStub;
import com.rapport.contracts.ordertracking.v1.WebhookSubscriptionDraft;
import com.rapport.contracts.ordertracking.v1.WebhookSubscriptionRequest;
import com.rapport.ordertracking.webhook.WebhookSubscription;
import com.rapport.support.grpc.CallTokens;
import com.rapport.support.test.FixedClock;
import com.rapport.support.test.TestTokens;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.protobuf.StatusProto;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The webhook service over the in-process transport, with the real security interceptor, error mapping and store. */
@SpringBootTest(properties = { "rapport.mongodb.embedded.in-memory=true", "spring.grpc.server.port=0",
		"spring.grpc.server.inprocess.name=" + WebhookGrpcServiceTests.SERVER })
@Import({ TestTokens.DecoderConfiguration.class, FixedClock.class })
class WebhookGrpcServiceTests {

	static final String SERVER = "order-tracking-webhooks-test";

	static final ManagedChannel channel = InProcessChannelBuilder.forName(SERVER).directExecutor().build();

	@Autowired
	MongoTemplate mongo;

	WebhookServiceBlockingStub stub = WebhookServiceGrpc.newBlockingStub(channel);

	@BeforeEach
	void setUp() {
		mongo.remove(new Query(), WebhookSubscription.class);
	}

	private WebhookServiceBlockingStub as(String token) {
		return stub.withCallCredentials(CallTokens.bearer(token));
	}

	@Test
	void anAdminCreatesASubscriptionAndSeesItsSecretOnlyInThatAnswer() {
		var created = as(TestTokens.staff("admin")).createWebhookSubscription(WebhookSubscriptionDraft.newBuilder()
			.setUrl("https://erp.acme.example/hooks").addEvents("MILESTONE_REACHED").setDescription("Acme ERP").build());
		assertThat(created.getSecret()).startsWith("whsec_").hasSizeGreaterThan(40);
		assertThat(created.getSubscription().getEnabled()).isTrue();
		assertThat(created.getSubscription().getCreatedBy()).isEqualTo("staff-admin");

		var listed = as(TestTokens.staff("admin")).listWebhookSubscriptions(ListWebhookSubscriptionsRequest.getDefaultInstance());
		assertThat(listed.getSubscriptionsList()).singleElement()
			.satisfies(s -> assertThat(s.toString()).doesNotContain(created.getSecret()));
		var disabled = as(TestTokens.staff("admin")).disableWebhookSubscription(WebhookSubscriptionRequest.newBuilder()
			.setSubscriptionId(created.getSubscription().getId()).build());
		assertThat(disabled.getEnabled()).isFalse();
		assertThat(disabled.getDisabledReason()).isEqualTo("BY_ADMIN");
	}

	@Test
	void aBadAddressAndNoEventsAreInvalidArgumentsNamingEachField() {
		assertThatExceptionOfType(StatusRuntimeException.class)
			.isThrownBy(() -> as(TestTokens.staff("admin")).createWebhookSubscription(
					WebhookSubscriptionDraft.newBuilder().setUrl("ftp://erp.acme.example/hooks").build()))
			.satisfies(ex -> {
				assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
				assertThat(fields(ex)).containsExactlyInAnyOrder("url", "events");
			});
		assertThat(mongo.findAll(WebhookSubscription.class)).isEmpty();
	}

	@Test
	void unknownSubscriptionsAndDeliveriesAreNotFound() {
		for (Runnable call : List.<Runnable>of(
				() -> as(TestTokens.staff("admin")).getWebhookSubscription(
						WebhookSubscriptionRequest.newBuilder().setSubscriptionId("nope").build()),
				() -> as(TestTokens.staff("admin")).listWebhookDeliveries(
						ListWebhookDeliveriesRequest.newBuilder().setSubscriptionId("nope").build()),
				() -> as(TestTokens.staff("admin")).replayWebhookDelivery(
						ReplayWebhookDeliveryRequest.newBuilder().setDeliveryId("nope").build()))) {
			assertThatExceptionOfType(StatusRuntimeException.class).isThrownBy(call::run)
				.satisfies(ex -> assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND));
		}
	}

	@Test
	void staffOtherThanAdminsAreRefused() {
		assertThatExceptionOfType(StatusRuntimeException.class)
			.isThrownBy(() -> as(TestTokens.staff("manager"))
				.listWebhookSubscriptions(ListWebhookSubscriptionsRequest.getDefaultInstance()))
			.satisfies(ex -> assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED));
	}

	private static List<String> fields(StatusRuntimeException ex) {
		return StatusProto.fromThrowable(ex).getDetailsList().stream().filter(d -> d.is(BadRequest.class))
			.flatMap(d -> {
				try {
					return d.unpack(BadRequest.class).getFieldViolationsList().stream();
				}
				catch (com.google.protobuf.InvalidProtocolBufferException e) {
					throw new IllegalStateException(e);
				}
			})
			.map(BadRequest.FieldViolation::getField).toList();
	}
}
