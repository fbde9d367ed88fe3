package com.rapport.portal.remote;

import java.util.List;

import com.rapport.contracts.customer.v1.GetLoyaltyAccountRequest;
import com.rapport.contracts.customer.v1.GetLoyaltyRulesRequest;
import com.rapport.contracts.customer.v1.ListRewardsRequest;
import com.rapport.contracts.customer.v1.LoyaltyAccount;
import com.rapport.contracts.customer.v1.LoyaltyRules;
import com.rapport.contracts.customer.v1.LoyaltyServiceGrpc.LoyaltyServiceBlockingStub;
import com.rapport.contracts.customer.v1.RedeemRewardRequest;
import com.rapport.contracts.customer.v1.Redemption;
import com.rapport.contracts.customer.v1.Reward;
import com.rapport.contracts.customer.v1.SaveRewardRequest;
import com.rapport.contracts.customer.v1.UpdateLoyaltyRulesRequest;
import com.rapport.support.grpc.CallTokens;
import com.rapport.support.grpc.RemoteCalls;

import org.springframework.stereotype.Component;

/**
 * The loyalty programme in customer-service, with the signed-in user's token: the portal's points, rewards and
 * redemption, the console's rules and catalogue. customer-service decides who may do what; writes are never
 * retried (a redemption carries its own request id, so a repeat is safe anyway).
 */
@Component
public class LoyaltyClient {

	private final LoyaltyServiceBlockingStub stub;

	private final RemoteCalls remoteCalls;

	private final CallTokens tokens;

	LoyaltyClient(LoyaltyServiceBlockingStub stub, RemoteCalls remoteCalls, CallTokens tokens) {
		this.stub = stub;
		this.remoteCalls = remoteCalls;
		this.tokens = tokens;
	}

	private LoyaltyServiceBlockingStub stub() {
		return stub.withCallCredentials(tokens.forCurrentCaller());
	}

	/** An organisation's balance, newest entries and what its tier earns. */
	public LoyaltyAccount account(String organisationId) {
		return remoteCalls.read(CustomerClient.REMOTE,
				() -> stub().getLoyaltyAccount(GetLoyaltyAccountRequest.newBuilder().setOrganisationId(organisationId).build()));
	}

	/** The rewards the caller may see (a customer: the active ones, with how often its organisation redeemed each). */
	public List<Reward> rewards(String organisationId) {
		return remoteCalls.read(CustomerClient.REMOTE, () -> stub()
			.listRewards(ListRewardsRequest.newBuilder().setOrganisationId(organisationId == null ? "" : organisationId)
				.build())
			.getRewardsList());
	}

	public Redemption redeem(String organisationId, String rewardId, String requestId) {
		return remoteCalls.write(CustomerClient.REMOTE, () -> stub().redeemReward(RedeemRewardRequest.newBuilder()
			.setOrganisationId(organisationId).setRewardId(rewardId).setRequestId(requestId).build()));
	}

	public LoyaltyRules rules() {
		return remoteCalls.read(CustomerClient.REMOTE, () -> stub().getLoyaltyRules(GetLoyaltyRulesRequest.getDefaultInstance()));
	}

	public LoyaltyRules updateRules(LoyaltyRules rules) {
		return remoteCalls.write(CustomerClient.REMOTE,
				() -> stub().updateLoyaltyRules(UpdateLoyaltyRulesRequest.newBuilder().setRules(rules).build()));
	}

	public Reward saveReward(Reward reward) {
		return remoteCalls.write(CustomerClient.REMOTE,
				() -> stub().saveReward(SaveRewardRequest.newBuilder().setReward(reward).build()));
	}
}
