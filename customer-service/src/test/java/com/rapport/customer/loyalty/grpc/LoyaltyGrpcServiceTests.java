package com.rapport.customer.loyalty.grpc;

import java.util.List;

import com.rapport.contracts.customer.v1.GetLoyaltyAccountRequest;
import com.rapport.contracts.customer.v1.LedgerEntryKind;
import com.rapport.contracts.customer.v1.ListRewardsRequest;
import com.rapport.contracts.customer.v1.LoyaltyAccount;
import com.rapport.contracts.customer.v1.LoyaltyServiceGrpc;
import com.rapport.contracts.customer.v1.RedeemRewardRequest;
import com.rapport.contracts.customer.v1.Redemption;
import com.rapport.contracts.customer.v1.Reward;
import com.rapport.contracts.customer.v1.RewardKind;
import com.rapport.contracts.customer.v1.SaveRewardRequest;
import com.rapport.contracts.customer.v1.Tier;
import com.rapport.customer.CustomerServiceTest;
import com.rapport.customer.care.CareTaskRepository;
import com.rapport.customer.loyalty.LedgerRepository;
import com.rapport.customer.loyalty.LoyaltyRules;
import com.rapport.customer.loyalty.LoyaltyService;
import com.rapport.customer.loyalty.RewardRepository;
import com.rapport.customer.organisation.LifecycleStage;
import com.rapport.customer.organisation.Organisation;
import com.rapport.customer.organisation.OrganisationRepository;
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

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The portal's and console's loyalty calls in process, over the real services and the embedded store. */
@CustomerServiceTest
class LoyaltyGrpcServiceTests {

	@Autowired
	OrganisationRepository organisations;

	@Autowired
	LedgerRepository entries;

	@Autowired
	RewardRepository rewards;

	@Autowired
	CareTaskRepository careTasks;

	@Autowired
	LoyaltyService loyalty;

	@Autowired
	org.springframework.data.mongodb.core.MongoTemplate mongo;

	ManagedChannel channel;

	@BeforeEach
	void setUp() {
		organisations.deleteAll();
		entries.deleteAll();
		rewards.deleteAll();
		careTasks.deleteAll();
		mongo.remove(new org.springframework.data.mongodb.core.query.Query(), LoyaltyRules.class);
		organisations.save(Organisation.create("acme-retail", "Acme Retail", "Retail", "CN")
			.withTiering(com.rapport.customer.organisation.Tier.KEY, LifecycleStage.REPEAT, null, null));
		organisations.save(Organisation.create("globex-trading", "Globex Trading", "Trading", "SG"));
		Caller partner = Caller.from(new KeycloakJwtAuthenticationConverter()
			.convert(TestTokens.decoder().decode(TestTokens.partner("customers.write"))));
		loyalty.adjust(partner, "acme-retail", new LoyaltyService.Adjustment(1_000L, "Opening balance", null), null);
		channel = InProcessChannelBuilder.forName(CustomerServiceTest.SERVER).directExecutor().build();
	}

	@AfterEach
	void closeChannel() {
		channel.shutdownNow();
	}

	private LoyaltyServiceGrpc.LoyaltyServiceBlockingStub as(String token) {
		return LoyaltyServiceGrpc.newBlockingStub(channel).withCallCredentials(CallTokens.bearer(token));
	}

	private Reward save(String name, long cost, boolean hasStock, long stock) {
		return as(TestTokens.staff("manager")).saveReward(SaveRewardRequest.newBuilder().setReward(Reward.newBuilder()
			.setKind(RewardKind.REWARD_KIND_FREE_SHIPPING).setNameEn(name).setNameZh("免运费").setPointsCost(cost)
			.setHasStock(hasStock).setStock(stock).setActive(true)).build());
	}

	@Test
	void aContactReadsItsAccountWithWhatItsTierEarnsAndItsHistory() {
		LoyaltyAccount account = as(TestTokens.customer("acme-retail"))
			.getLoyaltyAccount(GetLoyaltyAccountRequest.newBuilder().setOrganisationId("acme-retail").build());

		assertThat(account.getBalance()).isEqualTo(1_000);
		assertThat(account.getTier()).isEqualTo(Tier.TIER_KEY);
		assertThat(account.getMultiplier()).isEqualTo("1.2");
		assertThat(account.getPointsPerUnit()).isEqualTo("0.01");
		assertThat(account.getCurrency()).isEqualTo("CNY");
		assertThat(account.getVipMultiplier()).isEqualTo("1.5");
		assertThat(account.getEntriesList()).singleElement().satisfies(entry -> {
			assertThat(entry.getKind()).isEqualTo(LedgerEntryKind.LEDGER_ENTRY_KIND_ADJUSTED);
			assertThat(entry.getNote()).isEqualTo("Opening balance");
			assertThat(entry.hasExpiresAt()).isTrue();
		});
		assertThatThrownBy(() -> as(TestTokens.customer("globex-trading"))
			.getLoyaltyAccount(GetLoyaltyAccountRequest.newBuilder().setOrganisationId("acme-retail").build()))
			.isInstanceOfSatisfying(StatusRuntimeException.class,
					ex -> assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND));
	}

	@Test
	void aRedemptionAnswersTheNewBalanceOnceAndARefusalIsAbortedWithItsReason() {
		Reward shipping = save("Free shipping", 600, true, 5);
		assertThat(shipping.getId()).startsWith("free-shipping-");
		assertThat(shipping.getVersion()).isEqualTo(1);

		RedeemRewardRequest request = RedeemRewardRequest.newBuilder().setOrganisationId("acme-retail")
			.setRewardId(shipping.getId()).setRequestId("page-1").build();
		Redemption first = as(TestTokens.customer("acme-retail")).redeemReward(request);
		Redemption again = as(TestTokens.customer("acme-retail")).redeemReward(request);

		assertThat(first.getCreated()).isTrue();
		assertThat(first.getBalance()).isEqualTo(400);
		assertThat(first.getPoints()).isEqualTo(-600);
		assertThat(again.getCreated()).isFalse();
		assertThat(again.getLedgerEntryId()).isEqualTo(first.getLedgerEntryId());
		assertThat(careTasks.findById(first.getCareTaskId())).isPresent();
		assertThatThrownBy(() -> as(TestTokens.customer("acme-retail")).redeemReward(request.toBuilder()
			.setRequestId("page-2").build()))
			.isInstanceOfSatisfying(StatusRuntimeException.class, ex -> {
				assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.ABORTED);
				assertThat(ex.getStatus().getDescription()).contains("400");
			});
		List<Reward> offered = as(TestTokens.customer("acme-retail"))
			.listRewards(ListRewardsRequest.newBuilder().setOrganisationId("acme-retail").build()).getRewardsList();
		assertThat(offered).singleElement().satisfies(r -> {
			assertThat(r.getStock()).isEqualTo(4);
			assertThat(r.getRedeemedByOrganisation()).isEqualTo(1);
		});
	}

	@Test
	void aWithdrawnRewardIsOfferedToStaffOnlyAndAStaleSaveIsAborted() {
		Reward reward = save("Training", 100, false, 0);
		Reward withdrawn = as(TestTokens.staff("admin")).saveReward(SaveRewardRequest.newBuilder()
			.setReward(reward.toBuilder().setActive(false)).build());
		assertThat(withdrawn.getVersion()).isEqualTo(2);

		assertThat(as(TestTokens.customer("acme-retail")).listRewards(ListRewardsRequest.newBuilder()
			.setOrganisationId("acme-retail").build()).getRewardsList()).isEmpty();
		assertThat(as(TestTokens.staff("agent")).listRewards(ListRewardsRequest.getDefaultInstance()).getRewardsList())
			.extracting(Reward::getActive).containsExactly(false);
		assertThatThrownBy(() -> as(TestTokens.staff("manager")).saveReward(SaveRewardRequest.newBuilder()
			.setReward(reward.toBuilder().setPointsCost(5)).build()))
			.isInstanceOfSatisfying(StatusRuntimeException.class,
					ex -> assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.ABORTED));
		assertThatThrownBy(() -> as(TestTokens.staff("manager")).saveReward(SaveRewardRequest.newBuilder()
			.setReward(Reward.newBuilder().setNameEn("").setPointsCost(0)).build()))
			.isInstanceOfSatisfying(StatusRuntimeException.class,
					ex -> assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT));
	}
}
