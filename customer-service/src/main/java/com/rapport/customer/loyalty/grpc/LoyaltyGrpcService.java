package com.rapport.customer.loyalty.grpc;

import java.math.BigDecimal;

import com.rapport.contracts.customer.v1.GetLoyaltyAccountRequest;
import com.rapport.contracts.customer.v1.GetLoyaltyRulesRequest;
import com.rapport.contracts.customer.v1.LedgerEntryKind;
import com.rapport.contracts.customer.v1.ListRewardsRequest;
import com.rapport.contracts.customer.v1.ListRewardsResponse;
import com.rapport.contracts.customer.v1.LoyaltyAccount;
import com.rapport.contracts.customer.v1.LoyaltyServiceGrpc;
import com.rapport.contracts.customer.v1.RedeemRewardRequest;
import com.rapport.contracts.customer.v1.Redemption;
import com.rapport.contracts.customer.v1.RewardKind;
import com.rapport.contracts.customer.v1.SaveRewardRequest;
import com.rapport.contracts.customer.v1.Tier;
import com.rapport.contracts.customer.v1.UpdateLoyaltyRulesRequest;
import com.rapport.customer.loyalty.LedgerEntry;
import com.rapport.customer.loyalty.LoyaltyRules;
import com.rapport.customer.loyalty.LoyaltyRulesService;
import com.rapport.customer.loyalty.LoyaltyService;
import com.rapport.customer.loyalty.Redemptions;
import com.rapport.customer.loyalty.Reward;
import com.rapport.customer.loyalty.RewardCatalogue;
import com.rapport.customer.organisation.CustomerAccess;
import com.rapport.customer.organisation.grpc.OrganisationMessages;
import com.rapport.support.security.Caller;
import io.grpc.stub.StreamObserver;

import org.springframework.grpc.server.service.GrpcService;
import org.springframework.security.access.AccessDeniedException;

/**
 * {@code rapport.customer.v1.LoyaltyService}: the portal's points, rewards and redemption, and the console's rules
 * and catalogue. The feature's services decide who may do what; this translates.
 */
@GrpcService
class LoyaltyGrpcService extends LoyaltyServiceGrpc.LoyaltyServiceImplBase {

	private final LoyaltyService loyalty;

	private final LoyaltyRulesService rules;

	private final RewardCatalogue catalogue;

	private final Redemptions redemptions;

	LoyaltyGrpcService(LoyaltyService loyalty, LoyaltyRulesService rules, RewardCatalogue catalogue,
			Redemptions redemptions) {
		this.loyalty = loyalty;
		this.rules = rules;
		this.catalogue = catalogue;
		this.redemptions = redemptions;
	}

	@Override
	public void getLoyaltyAccount(GetLoyaltyAccountRequest request, StreamObserver<LoyaltyAccount> response) {
		Caller caller = Caller.current();
		LoyaltyService.Account account = loyalty.account(caller, request.getOrganisationId(), 0, 50);
		LoyaltyRules current = account.rules();
		com.rapport.customer.organisation.Tier tier = account.tier();
		LoyaltyAccount.Builder proto = LoyaltyAccount.newBuilder()
			.setOrganisationId(account.organisation().id())
			.setBalance(account.balance())
			.setTier(Tier.valueOf("TIER_" + tier.name()))
			.setMultiplier(plain(current.multiplier(tier)))
			.setPointsPerUnit(plain(current.pointsPerUnit()))
			.setCurrency(account.currency())
			.setExpiryMonths(current.expiryMonths())
			.setVipMultiplier(plain(current.vipMultiplier()))
			.setKeyMultiplier(plain(current.keyMultiplier()))
			.setNormalMultiplier(plain(current.normalMultiplier()));
		account.entries().forEach(entry -> proto.addEntries(toProto(entry)));
		response.onNext(proto.build());
		response.onCompleted();
	}

	@Override
	public void listRewards(ListRewardsRequest request, StreamObserver<ListRewardsResponse> response) {
		Caller caller = Caller.current();
		String organisationId = null;
		if (caller.isCustomer()) {
			organisationId = loyalty.account(caller, request.getOrganisationId(), 0, 1).organisation().id();
		}
		else if (!CustomerAccess.isStaff(caller)) {
			throw new AccessDeniedException("The reward catalogue is for contacts and staff");
		}
		ListRewardsResponse.Builder answer = ListRewardsResponse.newBuilder();
		for (Reward reward : catalogue.list(caller)) {
			com.rapport.contracts.customer.v1.Reward.Builder proto = toProto(reward).toBuilder();
			if (organisationId != null) {
				proto.setRedeemedByOrganisation((int) redemptions.redeemedBy(organisationId, reward.id()));
			}
			answer.addRewards(proto);
		}
		response.onNext(answer.build());
		response.onCompleted();
	}

	@Override
	public void redeemReward(RedeemRewardRequest request, StreamObserver<Redemption> response) {
		Redemptions.Redemption redemption = redemptions.redeem(Caller.current(), request.getOrganisationId(),
				request.getRewardId(), request.getRequestId());
		response.onNext(Redemption.newBuilder()
			.setLedgerEntryId(redemption.entry().id())
			.setRewardId(redemption.entry().rewardId())
			.setPoints(redemption.entry().points())
			.setBalance(redemption.balance())
			.setCreated(redemption.created())
			.setCareTaskId(redemption.careTaskId())
			.build());
		response.onCompleted();
	}

	@Override
	public void getLoyaltyRules(GetLoyaltyRulesRequest request,
			StreamObserver<com.rapport.contracts.customer.v1.LoyaltyRules> response) {
		response.onNext(toProto(rules.read(Caller.current())).toBuilder().setCurrency(loyalty.currency()).build());
		response.onCompleted();
	}

	@Override
	public void updateLoyaltyRules(UpdateLoyaltyRulesRequest request,
			StreamObserver<com.rapport.contracts.customer.v1.LoyaltyRules> response) {
		Caller caller = Caller.current();
		if (!LoyaltyRulesService.mayChange(caller)) {
			throw new AccessDeniedException("Only managers change the loyalty rules");
		}
		var sent = request.getRules();
		LoyaltyRules saved = rules.update(caller, new LoyaltyRulesService.RulesInput(sent.getPointsPerUnit(),
				sent.getVipMultiplier(), sent.getKeyMultiplier(), sent.getNormalMultiplier(), sent.getExpiryMonths(),
				sent.hasReferralBonus() ? sent.getReferralBonus() : null), sent.getVersion());
		response.onNext(toProto(saved).toBuilder().setCurrency(loyalty.currency()).build());
		response.onCompleted();
	}

	@Override
	public void saveReward(SaveRewardRequest request, StreamObserver<com.rapport.contracts.customer.v1.Reward> response) {
		Caller caller = Caller.current();
		if (!LoyaltyRulesService.mayChange(caller)) {
			throw new AccessDeniedException("Only managers maintain the reward catalogue");
		}
		var sent = request.getReward();
		com.rapport.customer.loyalty.RewardKind kind = switch (sent.getKind()) {
			case REWARD_KIND_CREDIT_NOTE -> com.rapport.customer.loyalty.RewardKind.CREDIT_NOTE;
			case REWARD_KIND_FREE_SHIPPING -> com.rapport.customer.loyalty.RewardKind.FREE_SHIPPING;
			case REWARD_KIND_TRAINING -> com.rapport.customer.loyalty.RewardKind.TRAINING;
			case REWARD_KIND_PRIORITY_SUPPORT -> com.rapport.customer.loyalty.RewardKind.PRIORITY_SUPPORT;
			default -> null;
		};
		Reward saved = catalogue.save(caller, new RewardCatalogue.RewardInput(sent.getId(), kind, sent.getNameEn(),
				sent.getNameZh(), sent.getDescriptionEn(), sent.getDescriptionZh(), sent.getPointsCost(),
				sent.getHasStock() ? sent.getStock() : null, sent.getLimitPerOrganisation(), sent.getActive()),
				sent.getVersion());
		response.onNext(toProto(saved));
		response.onCompleted();
	}

	static com.rapport.contracts.customer.v1.LedgerEntry toProto(LedgerEntry entry) {
		com.rapport.contracts.customer.v1.LedgerEntry.Builder proto = com.rapport.contracts.customer.v1.LedgerEntry
			.newBuilder()
			.setId(entry.id())
			.setKind(LedgerEntryKind.valueOf("LEDGER_ENTRY_KIND_" + entry.kind().name()))
			.setPoints(entry.points())
			.setBalanceAfter(entry.balanceAfter())
			.setReference(entry.reference() == null ? "" : entry.reference())
			.setNote(entry.note() == null ? "" : entry.note());
		if (entry.occurredAt() != null) {
			proto.setOccurredAt(OrganisationMessages.toTimestamp(entry.occurredAt()));
		}
		if (entry.expiresAt() != null) {
			proto.setExpiresAt(OrganisationMessages.toTimestamp(entry.expiresAt()));
		}
		return proto.build();
	}

	static com.rapport.contracts.customer.v1.Reward toProto(Reward reward) {
		return com.rapport.contracts.customer.v1.Reward.newBuilder()
			.setId(reward.id())
			.setKind(reward.kind() == null ? RewardKind.REWARD_KIND_UNSPECIFIED
					: RewardKind.valueOf("REWARD_KIND_" + reward.kind().name()))
			.setNameEn(reward.nameEn())
			.setNameZh(reward.nameZh())
			.setDescriptionEn(reward.descriptionEn() == null ? "" : reward.descriptionEn())
			.setDescriptionZh(reward.descriptionZh() == null ? "" : reward.descriptionZh())
			.setPointsCost(reward.pointsCost())
			.setHasStock(reward.stock() != null)
			.setStock(reward.stock() == null ? 0 : reward.stock())
			.setLimitPerOrganisation(reward.limitPerOrganisation())
			.setActive(reward.active())
			.setVersion(reward.version())
			.build();
	}

	static com.rapport.contracts.customer.v1.LoyaltyRules toProto(LoyaltyRules rules) {
		com.rapport.contracts.customer.v1.LoyaltyRules.Builder proto = com.rapport.contracts.customer.v1.LoyaltyRules
			.newBuilder()
			.setPointsPerUnit(plain(rules.pointsPerUnit()))
			.setVipMultiplier(plain(rules.vipMultiplier()))
			.setKeyMultiplier(plain(rules.keyMultiplier()))
			.setNormalMultiplier(plain(rules.normalMultiplier()))
			.setExpiryMonths(rules.expiryMonths()).setReferralBonus(rules.referralBonus())
			.setVersion(rules.version())
			.setUpdatedBy(rules.updatedBy() == null ? "" : rules.updatedBy());
		if (rules.updatedAt() != null) {
			proto.setUpdatedAt(OrganisationMessages.toTimestamp(rules.updatedAt()));
		}
		return proto.build();
	}

	private static String plain(BigDecimal number) {
		return number.stripTrailingZeros().toPlainString();
	}
}
