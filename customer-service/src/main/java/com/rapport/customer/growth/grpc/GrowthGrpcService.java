package com.rapport.customer.growth.grpc;

import java.math.BigDecimal;

import com.rapport.contracts.customer.v1.CustomerAtRisk;
import com.rapport.contracts.customer.v1.CustomerValue;
import com.rapport.contracts.customer.v1.ListCustomersAtRiskRequest;
import com.rapport.contracts.customer.v1.ListCustomersAtRiskResponse;
import com.rapport.contracts.customer.v1.GetCustomerValueRequest;
import com.rapport.contracts.customer.v1.GetGrowthSettingsRequest;
import com.rapport.contracts.customer.v1.GrowthServiceGrpc;
import com.rapport.contracts.customer.v1.GrowthSettings;
import com.rapport.contracts.customer.v1.UpdateGrowthSettingsRequest;
import com.rapport.contracts.customer.v1.ListValueBySegmentRequest;
import com.rapport.contracts.customer.v1.ListValueBySegmentResponse;
import com.rapport.customer.growth.ChurnRisk;
import com.rapport.customer.growth.CustomerGrowth;
import com.rapport.customer.growth.GrowthService;
import com.rapport.customer.growth.GrowthSettingsService;
import com.rapport.customer.growth.LifetimeValue;
import com.rapport.customer.growth.SegmentValue;
import com.rapport.customer.growth.ValueSegment;
import com.rapport.customer.organisation.grpc.OrganisationMessages;
import com.rapport.support.security.Caller;
import io.grpc.stub.StreamObserver;

import org.springframework.grpc.server.service.GrpcService;

/**
 * {@code rapport.customer.v1.GrowthService}: one organisation's lifetime value and churn risk for the console's
 * 360 and the customers at risk (staff), the value by segment for managers. {@link GrowthService} decides who may read what.
 */
@GrpcService
class GrowthGrpcService extends GrowthServiceGrpc.GrowthServiceImplBase {

	private static final String ZERO = "0.00";

	private final GrowthService growth;

	private final GrowthSettingsService settings;

	GrowthGrpcService(GrowthService growth, GrowthSettingsService settings) {
		this.growth = growth;
		this.settings = settings;
	}

	@Override
	public void getGrowthSettings(GetGrowthSettingsRequest request, StreamObserver<GrowthSettings> response) {
		response.onNext(toProto(settings.read(Caller.current())));
		response.onCompleted();
	}

	@Override
	public void updateGrowthSettings(UpdateGrowthSettingsRequest request, StreamObserver<GrowthSettings> response) {
		// The service refuses anyone but managers and admins before it reads anything.
		response.onNext(toProto(settings.update(Caller.current(), request.getRiskThreshold(),
				request.getReorderLeadDays(), request.getVersion())));
		response.onCompleted();
	}

	static GrowthSettings toProto(com.rapport.customer.growth.GrowthSettings saved) {
		GrowthSettings.Builder proto = GrowthSettings.newBuilder().setRiskThreshold(saved.riskThreshold())
			.setReorderLeadDays(saved.reorderLeadDays()).setVersion(saved.version())
			.setUpdatedBy(saved.updatedBy() == null ? "" : saved.updatedBy());
		if (saved.updatedAt() != null) {
			proto.setUpdatedAt(OrganisationMessages.toTimestamp(saved.updatedAt()));
		}
		return proto.build();
	}

	@Override
	public void getCustomerValue(GetCustomerValueRequest request, StreamObserver<CustomerValue> response) {
		CustomerGrowth figures = growth.of(Caller.current(), request.getOrganisationId());
		CustomerValue.Builder value = toProto(figures.organisationId(), figures.value(), growth.currency()).toBuilder();
		if (figures.risk() != null) {
			value.setChurnRisk(toProto(figures.risk()));
		}
		figures.reorders().forEach(r -> value.addReorders(com.rapport.contracts.customer.v1.Reorder.newBuilder()
			.setSku(r.sku()).setDescription(r.description() == null ? "" : r.description())
			.setExpectedOn(r.expectedOn().toString()).setUsualIntervalDays(r.usualIntervalDays()).setOrders(r.orders())
			.setLastOrderedOn(r.lastOrderedOn().toString()).setLastQuantity(r.lastQuantity()).setDue(r.due())));
		response.onNext(value.build());
		response.onCompleted();
	}

	@Override
	public void listCustomersAtRisk(ListCustomersAtRiskRequest request,
			StreamObserver<ListCustomersAtRiskResponse> response) {
		ListCustomersAtRiskResponse.Builder answer = ListCustomersAtRiskResponse.newBuilder()
			.setThreshold(growth.threshold()).setCurrency(growth.currency());
		for (GrowthService.AtRisk risky : growth.atRisk(Caller.current())) {
			LifetimeValue value = risky.growth().value();
			CustomerAtRisk.Builder customer = CustomerAtRisk.newBuilder()
				.setOrganisationId(risky.organisation().id())
				.setName(risky.organisation().name() == null ? "" : risky.organisation().name())
				.setAccountManager(risky.organisation().accountManager() == null ? ""
						: risky.organisation().accountManager())
				.setChurnRisk(toProto(risky.growth().risk()))
				.setHistoricalValue(value == null ? ZERO : plain(value.historicalValue()))
				.setProjectedValue(value == null ? ZERO : plain(value.projectedValue()));
			if (risky.organisation().tier() != null) {
				customer.setTier(com.rapport.contracts.customer.v1.Tier.valueOf("TIER_" + risky.organisation().tier().name()));
			}
			answer.addCustomers(customer);
		}
		response.onNext(answer.build());
		response.onCompleted();
	}

	static com.rapport.contracts.customer.v1.ChurnRisk toProto(ChurnRisk risk) {
		com.rapport.contracts.customer.v1.ChurnRisk.Builder proto = com.rapport.contracts.customer.v1.ChurnRisk
			.newBuilder().setScore(risk.score()).setThreshold(risk.threshold()).setAtRisk(risk.atRisk());
		risk.reasons().forEach(r -> proto.addReasons(com.rapport.contracts.customer.v1.RiskReason.newBuilder()
			.setCode(r.code()).addAllArgs(r.args()).setPoints(r.points())));
		if (risk.computedAt() != null) {
			proto.setComputedAt(OrganisationMessages.toTimestamp(risk.computedAt()));
		}
		return proto.build();
	}

	@Override
	public void listValueBySegment(ListValueBySegmentRequest request,
			StreamObserver<ListValueBySegmentResponse> response) {
		ValueSegment segment = switch (request.getSegment()) {
			case VALUE_SEGMENT_TIER -> ValueSegment.TIER;
			case VALUE_SEGMENT_INDUSTRY -> ValueSegment.INDUSTRY;
			case VALUE_SEGMENT_REGION -> ValueSegment.REGION;
			case VALUE_SEGMENT_COHORT -> ValueSegment.COHORT;
			default -> null;
		};
		GrowthService.SegmentReport report = growth.bySegment(Caller.current(), segment);
		ListValueBySegmentResponse.Builder answer = ListValueBySegmentResponse.newBuilder()
			.setSegment(request.getSegment())
			.setCurrency(report.currency())
			.setTotal(toProto(report.total()));
		report.rows().forEach(row -> answer.addRows(toProto(row)));
		response.onNext(answer.build());
		response.onCompleted();
	}

	static CustomerValue toProto(String organisationId, LifetimeValue value, String currency) {
		CustomerValue.Builder proto = CustomerValue.newBuilder().setOrganisationId(organisationId);
		if (value == null) {
			return proto.setCurrency(currency).setHistoricalValue(ZERO).setAverageOrderValue(ZERO)
				.setOrdersPerYear(ZERO).setProjectedValue(ZERO).build();
		}
		proto.setComputed(true).setCurrency(value.currency())
			.setHistoricalValue(plain(value.historicalValue()))
			.setDeliveredOrders(value.deliveredOrders())
			.setOrdersWithoutValue(value.ordersWithoutValue())
			.setAverageOrderValue(plain(value.averageOrderValue()))
			.setOrdersPerYear(plain(value.ordersPerYear()))
			.setObservedDays(value.observedDays())
			.setLifespanYears(value.lifespanYears().stripTrailingZeros().toPlainString())
			.setProjectedValue(plain(value.projectedValue()));
		if (value.margin() != null) {
			proto.setMargin(value.margin().stripTrailingZeros().toPlainString());
		}
		if (value.firstOrderAt() != null) {
			proto.setFirstOrderAt(OrganisationMessages.toTimestamp(value.firstOrderAt()));
			proto.setLastOrderAt(OrganisationMessages.toTimestamp(value.lastOrderAt()));
		}
		if (value.computedAt() != null) {
			proto.setComputedAt(OrganisationMessages.toTimestamp(value.computedAt()));
		}
		return proto.build();
	}

	private static com.rapport.contracts.customer.v1.SegmentValue toProto(SegmentValue row) {
		return com.rapport.contracts.customer.v1.SegmentValue.newBuilder().setKey(row.key())
			.setOrganisations(row.organisations()).setCustomers(row.customers())
			.setHistoricalValue(plain(row.historicalValue())).setProjectedValue(plain(row.projectedValue()))
			.setDeliveredOrders(row.deliveredOrders()).build();
	}

	private static String plain(BigDecimal amount) {
		return amount.setScale(2, java.math.RoundingMode.HALF_EVEN).toPlainString();
	}
}
