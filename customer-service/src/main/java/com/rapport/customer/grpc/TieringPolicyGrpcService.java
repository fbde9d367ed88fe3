package com.rapport.customer.grpc;

import com.rapport.contracts.customer.v1.GetTieringPolicyRequest;
import com.rapport.contracts.customer.v1.TieringPolicy;
import com.rapport.contracts.customer.v1.TieringPolicyServiceGrpc;
import com.rapport.contracts.customer.v1.UpdateTieringPolicyRequest;
import com.rapport.customer.tiering.TieringPolicyService;
import com.rapport.support.security.Caller;
import io.grpc.stub.StreamObserver;

import org.springframework.grpc.server.service.GrpcService;
import org.springframework.security.access.AccessDeniedException;

/** The tiering rules for the console: staff and services read them, managers and admins change them. */
@GrpcService
class TieringPolicyGrpcService extends TieringPolicyServiceGrpc.TieringPolicyServiceImplBase {

	private final TieringPolicyService policies;

	TieringPolicyGrpcService(TieringPolicyService policies) {
		this.policies = policies;
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
			proto.setUpdatedAt(TimelineMessages.toTimestamp(p.updatedAt()));
		}
		if (p.recomputedAt() != null) {
			proto.setRecomputedAt(TimelineMessages.toTimestamp(p.recomputedAt()));
		}
		return proto.build();
	}
}
