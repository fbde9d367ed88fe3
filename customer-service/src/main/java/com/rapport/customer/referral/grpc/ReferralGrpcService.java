package com.rapport.customer.referral.grpc;

import com.rapport.contracts.customer.v1.InviteCompanyRequest;
import com.rapport.contracts.customer.v1.ListReferralsRequest;
import com.rapport.contracts.customer.v1.ListReferralsResponse;
import com.rapport.contracts.customer.v1.ReferralServiceGrpc;
import com.rapport.contracts.customer.v1.ReferralState;
import com.rapport.customer.organisation.grpc.OrganisationMessages;
import com.rapport.customer.referral.Referral;
import com.rapport.customer.referral.ReferralService;
import com.rapport.support.security.Caller;
import io.grpc.stub.StreamObserver;

import org.springframework.grpc.server.service.GrpcService;

/** {@code rapport.customer.v1.ReferralService}: contacts invite companies, contacts and staff follow them. */
@GrpcService
class ReferralGrpcService extends ReferralServiceGrpc.ReferralServiceImplBase {

	private final ReferralService referrals;

	ReferralGrpcService(ReferralService referrals) {
		this.referrals = referrals;
	}

	@Override
	public void inviteCompany(InviteCompanyRequest request,
			StreamObserver<com.rapport.contracts.customer.v1.Referral> response) {
		response.onNext(toProto(referrals.invite(Caller.current(), request.getCompanyName(), request.getEmail())));
		response.onCompleted();
	}

	@Override
	public void listReferrals(ListReferralsRequest request, StreamObserver<ListReferralsResponse> response) {
		ListReferralsResponse.Builder answer = ListReferralsResponse.newBuilder();
		referrals.list(Caller.current(), request.getOrganisationId()).forEach(r -> answer.addReferrals(toProto(r)));
		response.onNext(answer.build());
		response.onCompleted();
	}

	static com.rapport.contracts.customer.v1.Referral toProto(Referral referral) {
		var proto = com.rapport.contracts.customer.v1.Referral.newBuilder().setId(referral.id())
			.setOrganisationId(referral.organisationId())
			.setOrganisationName(empty(referral.organisationName())).setInvitedBy(empty(referral.invitedBy()))
			.setCompanyName(empty(referral.companyName())).setEmail(empty(referral.email()))
			.setState(ReferralState.valueOf("REFERRAL_STATE_" + referral.state().name()))
			.setReferredOrganisationId(empty(referral.referredOrganisationId()))
			.setOrderNumber(empty(referral.orderNumber())).setPoints(referral.points());
		if (referral.invitedAt() != null) {
			proto.setInvitedAt(OrganisationMessages.toTimestamp(referral.invitedAt()));
		}
		if (referral.earnedAt() != null) {
			proto.setEarnedAt(OrganisationMessages.toTimestamp(referral.earnedAt()));
		}
		return proto.build();
	}

	private static String empty(String value) {
		return value == null ? "" : value;
	}
}
