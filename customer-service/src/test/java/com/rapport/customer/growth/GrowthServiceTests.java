package com.rapport.customer.growth;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import com.rapport.contracts.customer.v1.CustomerValue;
import com.rapport.contracts.customer.v1.GetCustomerValueRequest;
import com.rapport.contracts.customer.v1.GrowthServiceGrpc;
import com.rapport.contracts.customer.v1.ListValueBySegmentRequest;
import com.rapport.contracts.customer.v1.ListValueBySegmentResponse;
import com.rapport.customer.organisation.Organisation;
import com.rapport.customer.organisation.OrganisationRepository;
import com.rapport.customer.organisation.OrganisationStatus;
import com.rapport.customer.timeline.InteractionInput;
import com.rapport.customer.timeline.InteractionKind;
import com.rapport.customer.timeline.InteractionRepository;
import com.rapport.customer.timeline.TimelineService;
import com.rapport.support.grpc.CallTokens;
import com.rapport.support.security.Caller;
import com.rapport.support.security.KeycloakJwtAuthenticationConverter;
import com.rapport.support.test.TestTokens;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.inprocess.InProcessChannelBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Lifetime value kept in step with deliveries recorded on the timeline, the nightly recompute, and the value by
 * segment, over the real services, gRPC in process and the embedded store (in memory).
 */
@SpringBootTest(properties = { "rapport.mongodb.embedded.in-memory=true", "spring.grpc.server.port=0",
		"spring.grpc.server.inprocess.name=customer-growth" })
@Import(TestTokens.DecoderConfiguration.class)
class GrowthServiceTests {

	@Autowired
	OrganisationRepository organisations;

	@Autowired
	InteractionRepository interactions;

	@Autowired
	CustomerGrowthRepository growthFigures;

	@Autowired
	TimelineService timeline;

	@Autowired
	GrowthService growth;

	final Caller orderTracking = caller(TestTokens.service());

	final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);

	ManagedChannel channel;

	static Caller caller(String token) {
		return Caller.from(new KeycloakJwtAuthenticationConverter().convert(TestTokens.decoder().decode(token)));
	}

	@BeforeEach
	void setUp() {
		organisations.deleteAll();
		interactions.deleteAll();
		growthFigures.deleteAll();
		organisation("acme-retail", "Retail", "East");
		organisation("globex-trading", "Trading", "East");
		organisation("umbrella-supplies", null, null);
		channel = InProcessChannelBuilder.forName("customer-growth").directExecutor().build();
	}

	@AfterEach
	void closeChannel() {
		channel.shutdownNow();
	}

	private void organisation(String id, String industry, String region) {
		organisations.save(Organisation.create(id, id, industry, "CN")
			.withProfile(new Organisation.Profile(id, industry, null, "CN", region, List.of(), "agent.li",
					OrganisationStatus.ACTIVE, null)));
	}

	private boolean deliver(String organisationId, String eventId, int daysAgo, String currency, String minorUnits) {
		return timeline.record(orderTracking, new InteractionInput("order-tracking-service", eventId, organisationId,
				InteractionKind.ORDER_DELIVERED, now.minus(Duration.ofDays(daysAgo)), "Order " + eventId + " delivered",
				"order:" + eventId, Map.of("order_number", eventId, "currency", currency, "amount_minor_units",
						minorUnits)));
	}

	private GrowthServiceGrpc.GrowthServiceBlockingStub as(String token) {
		return GrowthServiceGrpc.newBlockingStub(channel).withCallCredentials(CallTokens.bearer(token));
	}

	@Test
	void aRecordedDeliveryUpdatesTheValueAtOnceAndARepeatChangesNothing() {
		assertThat(deliver("acme-retail", "ACME-1", 400, "CNY", "2000000")).isTrue();
		assertThat(deliver("acme-retail", "ACME-2", 35, "USD", "100000")).isTrue();
		assertThat(deliver("acme-retail", "ACME-2", 35, "USD", "100000")).as("a replayed event").isFalse();

		CustomerValue value = as(TestTokens.staff("agent"))
			.getCustomerValue(GetCustomerValueRequest.newBuilder().setOrganisationId("acme-retail").build());

		assertThat(value.getComputed()).isTrue();
		assertThat(value.getCurrency()).isEqualTo("CNY");
		assertThat(value.getHistoricalValue()).isEqualTo("27200.00"); // 20,000 + USD 1,000 × 7.2
		assertThat(value.getDeliveredOrders()).isEqualTo(2);
		assertThat(value.getAverageOrderValue()).isEqualTo("13600.00");
		assertThat(value.getObservedDays()).isEqualTo(400);
		assertThat(value.getOrdersPerYear()).isEqualTo("1.82"); // 2 over 400/365 years: 1.825, shown half-even
		assertThat(value.getLifespanYears()).isEqualTo("3");
		assertThat(value.getMargin()).isEmpty();
		assertThat(value.getProjectedValue()).isEqualTo("74460.00"); // 13,600 × 1.825 × 3
		assertThat(value.getFirstOrderAt().getSeconds()).isEqualTo(now.minus(Duration.ofDays(400)).getEpochSecond());
	}

	@Test
	void anOrganisationNeverComputedAnswersZeroNotAnError() {
		CustomerValue value = as(TestTokens.staff("manager"))
			.getCustomerValue(GetCustomerValueRequest.newBuilder().setOrganisationId("umbrella-supplies").build());

		assertThat(value.getComputed()).isFalse();
		assertThat(value.getHistoricalValue()).isEqualTo("0.00");
		assertThat(value.getProjectedValue()).isEqualTo("0.00");
	}

	@Test
	void theNightlyRunComputesEveryOrganisationAndTheSegmentsSumThem() {
		deliver("acme-retail", "ACME-1", 400, "CNY", "2000000");
		deliver("globex-trading", "GLX-1", 10, "SGD", "100000");
		growthFigures.deleteAll(); // as if recorded before this feature: the nightly run catches up

		assertThat(growth.recomputeAll()).isEqualTo(3);
		assertThat(growthFigures.count()).isEqualTo(3);

		ListValueBySegmentResponse byIndustry = as(TestTokens.staff("manager")).listValueBySegment(
				ListValueBySegmentRequest.newBuilder().setSegment(
						com.rapport.contracts.customer.v1.ValueSegment.VALUE_SEGMENT_INDUSTRY).build());
		assertThat(byIndustry.getCurrency()).isEqualTo("CNY");
		assertThat(byIndustry.getRowsList()).extracting(r -> r.getKey() + " " + r.getOrganisations() + " "
				+ r.getCustomers() + " " + r.getHistoricalValue() + " " + r.getProjectedValue())
			.containsExactly("Retail 1 1 20000.00 54750.00", // 20,000 × 365/400 a year × 3
					"Trading 1 1 5300.00 15900.00", " 1 0 0.00 0.00");
		assertThat(byIndustry.getTotal().getOrganisations()).isEqualTo(3);
		assertThat(byIndustry.getTotal().getHistoricalValue()).isEqualTo("25300.00");

		ListValueBySegmentResponse byCohort = as(TestTokens.staff("admin")).listValueBySegment(
				ListValueBySegmentRequest.newBuilder().setSegment(
						com.rapport.contracts.customer.v1.ValueSegment.VALUE_SEGMENT_COHORT).build());
		assertThat(byCohort.getRowsList()).extracting(r -> r.getKey())
			.contains(Integer.toString(now.minus(Duration.ofDays(400)).atZone(java.time.ZoneOffset.UTC).getYear()), "");
		assertThat(byCohort.getRowsList()).hasSize(3); // 400 days and 10 days ago: two years, and none
	}

	@Test
	void segmentsAreTheManagersAndTheValueIsStaffs() {
		ListValueBySegmentRequest byTier = ListValueBySegmentRequest.newBuilder()
			.setSegment(com.rapport.contracts.customer.v1.ValueSegment.VALUE_SEGMENT_TIER).build();
		assertThatThrownBy(() -> as(TestTokens.staff("agent")).listValueBySegment(byTier))
			.isInstanceOfSatisfying(StatusRuntimeException.class,
					ex -> assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED));
		assertThatThrownBy(() -> as(TestTokens.staff("manager"))
			.listValueBySegment(ListValueBySegmentRequest.getDefaultInstance()))
			.isInstanceOfSatisfying(StatusRuntimeException.class,
					ex -> assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT));
		assertThatThrownBy(() -> as(TestTokens.customer("acme-retail"))
			.getCustomerValue(GetCustomerValueRequest.newBuilder().setOrganisationId("acme-retail").build()))
			.isInstanceOfSatisfying(StatusRuntimeException.class,
					ex -> assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED));
		assertThatThrownBy(() -> as(TestTokens.staff("agent"))
			.getCustomerValue(GetCustomerValueRequest.newBuilder().setOrganisationId("nobody").build()))
			.isInstanceOfSatisfying(StatusRuntimeException.class,
					ex -> assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND));
	}
}
