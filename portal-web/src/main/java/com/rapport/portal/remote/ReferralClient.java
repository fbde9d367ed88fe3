package com.rapport.portal.remote;

import java.util.List;

import com.rapport.contracts.customer.v1.InviteCompanyRequest;
import com.rapport.contracts.customer.v1.ListReferralsRequest;
import com.rapport.contracts.customer.v1.Referral;
import com.rapport.contracts.customer.v1.ReferralServiceGrpc.ReferralServiceBlockingStub;
import com.rapport.support.grpc.CallTokens;
import com.rapport.support.grpc.RemoteCalls;

import org.springframework.stereotype.Component;

/**
 * Referrals in customer-service, with the signed-in user's token: a contact invites a company and follows its
 * referrals, staff follow everyone's. customer-service decides who may do what; the invitation is never retried
 * (a second one of the same address is refused as invited already).
 */
@Component
public class ReferralClient {

	private final ReferralServiceBlockingStub stub;

	private final RemoteCalls remoteCalls;

	private final CallTokens tokens;

	ReferralClient(ReferralServiceBlockingStub stub, RemoteCalls remoteCalls, CallTokens tokens) {
		this.stub = stub;
		this.remoteCalls = remoteCalls;
		this.tokens = tokens;
	}

	public Referral invite(String companyName, String email) {
		return remoteCalls.write(CustomerClient.REMOTE, () -> stub.withCallCredentials(tokens.forCurrentCaller())
			.inviteCompany(InviteCompanyRequest.newBuilder().setCompanyName(companyName).setEmail(email).build()));
	}

	/** The caller's own organisation's referrals (a contact), or every one (staff), newest first. */
	public List<Referral> referrals() {
		return remoteCalls.read(CustomerClient.REMOTE, () -> stub.withCallCredentials(tokens.forCurrentCaller())
			.listReferrals(ListReferralsRequest.getDefaultInstance()).getReferralsList());
	}
}
