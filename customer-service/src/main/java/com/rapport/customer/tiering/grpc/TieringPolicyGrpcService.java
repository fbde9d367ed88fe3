package com.rapport.customer.tiering.grpc;

import com.rapport.contracts.customer.v1.GetTieringPolicyRequest;
import com.rapport.contracts.customer.v1.TieringPolicy;
import com.rapport.contracts.customer.v1.TieringPolicyServiceGrpc;
import com.rapport.contracts.customer.v1.UpdateTieringPolicyRequest;
import com.rapport.contracts.customer.v1.Organisation;
import com.rapport.contracts.customer.v1.RemoveTierOverrideRequest;
import com.rapport.contracts.customer.v1.SetTierOverrideRequest;
import com.rapport.customer.organisation.grpc.OrganisationMessages;
import com.rapport.customer.tiering.TieringPolicyService;
import com.rapport.customer.tiering.TieringService;
import com.rapport.support.security.Caller;
import io.grpc.stub.StreamObserver;

import org.springframework.grpc.server.service.GrpcService;
import org.springframework.security.access.AccessDeniedException;

/**
 * {@code rapport.customer.v1.TieringPolicyService}, tiering for the console: staff and services read the rules,
 * managers and admins change them and override one organisation's tier.
 */
@GrpcService
class TieringPolicyGrpcService extends TieringPolicyServiceGrpc.TieringPolicyServiceImplBase {

	private final TieringPolicyService policies;

	private final TieringService tiering;

	TieringPolicyGrpcService(TieringPolicyService policies, TieringService tiering) {
		this.policies = policies;
		this.tiering = tiering;
	}

	@Override
	public void getTieringPolicy(GetTieringPolicyRequest request, StreamObserver<TieringPolicy> response) {
		if (!Caller.current().seesAllCustomers()) {
			throw new AccessDeniedException("The tiering rules are for staff");
		}
		response.onNext(toProto(policies.current()));
		response.onCompleted();
	}

	@Override
	public void updateTieringPolicy(UpdateTieringPolicyRequest request, StreamObserver<TieringPolicy> response) {
		// The service refuses anyone but managers and admins before it reads anything.
		TieringPolicy p = request.getPolicy();
		response.onNext(toProto(policies.update(Caller.current(),
				new TieringPolicyService.PolicyInput(p.getWindowDays(), p.getVipMonetary(), p.getVipFrequency(),
						p.getVipRecencyDays(), p.getKeyMonetary(), p.getKeyFrequency(), p.getLoyalOrders(),
						p.getDormantAfterDays(), p.getChurnedAfterDays()),
				request.hasVersion() ? request.getVersion() : null)));
		response.onCompleted();
	}

	@Override
	public void setTierOverride(SetTierOverrideRequest request, StreamObserver<Organisation> response) {
		String tier = request.getTier() == com.rapport.contracts.customer.v1.Tier.TIER_UNSPECIFIED ? null
				: request.getTier() == com.rapport.contracts.customer.v1.Tier.UNRECOGNIZED ? "value " + request.getTierValue()
						: request.getTier().name().substring("TIER_".length());
		response.onNext(OrganisationMessages.toProto(tiering.setOverride(Caller.current(), request.getOrganisationId(),
				new TieringService.OverrideInput(tier, request.getReason(), request.getEndDate())), true));
		response.onCompleted();
	}

	@Override
	public void removeTierOverride(RemoveTierOverrideRequest request, StreamObserver<Organisation> response) {
		response.onNext(OrganisationMessages.toProto(tiering.removeOverride(Caller.current(),
				request.getOrganisationId()), true));
		response.onCompleted();
	}

	private TieringPolicy toProto(com.rapport.customer.tiering.TieringPolicy p) {
		TieringPolicy.Builder proto = TieringPolicy.newBuilder().setWindowDays(p.windowDays())
			.setBaseCurrency(policies.baseCurrency()).setVipMonetary(p.vipMonetary().toPlainString())
			.setVipFrequency(p.vipFrequency()).setVipRecencyDays(p.vipRecencyDays())
			.setKeyMonetary(p.keyMonetary().toPlainString()).setKeyFrequency(p.keyFrequency())
			.setLoyalOrders(p.loyalOrders()).setDormantAfterDays(p.dormantAfterDays())
			.setChurnedAfterDays(p.churnedAfterDays()).setVersion(p.version())
			.setRecomputedVersion(p.recomputedVersion()).setRecomputedOrganisations(p.recomputedOrganisations());
		if (p.updatedBy() != null) {
			proto.setUpdatedBy(p.updatedBy());
		}
		if (p.updatedAt() != null) {
			proto.setUpdatedAt(OrganisationMessages.toTimestamp(p.updatedAt()));
		}
		if (p.recomputedAt() != null) {
			proto.setRecomputedAt(OrganisationMessages.toTimestamp(p.recomputedAt()));
		}
		return proto.build();
	}
}
