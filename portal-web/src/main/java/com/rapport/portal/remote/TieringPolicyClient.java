package com.rapport.portal.remote;

import com.rapport.contracts.customer.v1.GetTieringPolicyRequest;
import com.rapport.contracts.customer.v1.Organisation;
import com.rapport.contracts.customer.v1.RemoveTierOverrideRequest;
import com.rapport.contracts.customer.v1.SetTierOverrideRequest;
import com.rapport.contracts.customer.v1.Tier;
import com.rapport.contracts.customer.v1.TieringPolicy;
import com.rapport.contracts.customer.v1.TieringPolicyServiceGrpc.TieringPolicyServiceBlockingStub;
import com.rapport.contracts.customer.v1.UpdateTieringPolicyRequest;
import com.rapport.support.grpc.CallTokens;
import com.rapport.support.grpc.RemoteCalls;

import org.springframework.stereotype.Component;

/** Tiering in customer-service, the rules and an organisation's override; it decides who may read and change them. */
@Component
public class TieringPolicyClient {

	private final TieringPolicyServiceBlockingStub stub;

	private final RemoteCalls remoteCalls;

	private final CallTokens tokens;

	TieringPolicyClient(TieringPolicyServiceBlockingStub stub, RemoteCalls remoteCalls, CallTokens tokens) {
		this.stub = stub;
		this.remoteCalls = remoteCalls;
		this.tokens = tokens;
	}

	public TieringPolicy policy() {
		return remoteCalls.read(CustomerClient.REMOTE, () -> stub.withCallCredentials(tokens.forCurrentCaller())
			.getTieringPolicy(GetTieringPolicyRequest.getDefaultInstance()));
	}

	/** Saves the rules edited from {@code version}; a later save by someone else is refused, not overwritten. */
	public TieringPolicy update(TieringPolicy rules, long version) {
		return remoteCalls.write(CustomerClient.REMOTE, () -> stub.withCallCredentials(tokens.forCurrentCaller())
			.updateTieringPolicy(UpdateTieringPolicyRequest.newBuilder().setPolicy(rules).setVersion(version).build()));
	}

	/** A manager's override of the computed tier, through {@code endDate} (ISO). */
	public Organisation setTierOverride(String organisationId, Tier tier, String reason, String endDate) {
		return remoteCalls.write(CustomerClient.REMOTE, () -> stub.withCallCredentials(tokens.forCurrentCaller())
			.setTierOverride(SetTierOverrideRequest.newBuilder().setOrganisationId(organisationId).setTier(tier)
				.setReason(reason).setEndDate(endDate).build()));
	}

	public Organisation removeTierOverride(String organisationId) {
		return remoteCalls.write(CustomerClient.REMOTE, () -> stub.withCallCredentials(tokens.forCurrentCaller())
			.removeTierOverride(RemoveTierOverrideRequest.newBuilder().setOrganisationId(organisationId).build()));
	}
}
