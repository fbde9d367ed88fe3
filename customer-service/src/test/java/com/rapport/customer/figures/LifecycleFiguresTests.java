package com.rapport.customer.figures;

import com.rapport.contracts.customer.v1.GetLifecycleFiguresRequest;
import com.rapport.contracts.customer.v1.LifecycleCounts;
import com.rapport.contracts.customer.v1.LifecycleFigures;
import com.rapport.contracts.customer.v1.LifecycleFiguresServiceGrpc;
import com.rapport.contracts.customer.v1.LifecycleGroup;
import com.rapport.customer.CustomerServiceTest;
import com.rapport.customer.organisation.LifecycleStage;
import com.rapport.customer.organisation.Organisation;
import com.rapport.customer.organisation.OrganisationRepository;
import com.rapport.support.grpc.CallTokens;
import com.rapport.support.test.TestTokens;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.inprocess.InProcessChannelBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The lifecycle stages counted over the in-process gRPC transport (real security interceptor), on the embedded store.
 * One of the classes sharing the {@link CustomerServiceTest} context.
 */
@CustomerServiceTest
class LifecycleFiguresTests {

	static final ManagedChannel channel = InProcessChannelBuilder
		.forName(CustomerServiceTest.SERVER).directExecutor().build();

	@Autowired
	OrganisationRepository organisations;

	@Autowired
	MongoTemplate mongo;

	@BeforeEach
	void setUp() {
		organisations.deleteAll();
		stage("acme-retail", LifecycleStage.LOYAL);
		stage("globex-trading", LifecycleStage.REPEAT);
		stage("initech-logistics", LifecycleStage.FIRST_PURCHASE);
		stage("stark-components", LifecycleStage.DORMANT);
		stage("wayne-hardware", LifecycleStage.CHURNED);
		stage("umbrella-supplies", LifecycleStage.PROSPECT);
	}

	private void stage(String id, LifecycleStage stage) {
		organisations.save(Organisation.create(id, id, "Retail", "CN"));
		mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), Update.update("lifecycleStage", stage.name()),
				Organisation.class);
	}

	private static LifecycleFiguresServiceGrpc.LifecycleFiguresServiceBlockingStub as(String token) {
		return LifecycleFiguresServiceGrpc.newBlockingStub(channel).withCallCredentials(CallTokens.bearer(token));
	}

	@Test
	void everyOrganisationsStagesAndTheRetentionOfThoseThatEverOrdered() {
		LifecycleCounts total = as(TestTokens.staff("manager")).getLifecycleFigures(GetLifecycleFiguresRequest
			.getDefaultInstance()).getTotal();

		assertThat(total.getProspects()).isEqualTo(1);
		assertThat(total.getActive()).isEqualTo(3);
		assertThat(total.getDormant()).isEqualTo(1);
		assertThat(total.getChurned()).isEqualTo(1);
		// 4 retained (3 active, 1 dormant) of 5 that ever ordered; the prospect counts nowhere in it.
		assertThat(total.getRetentionBp()).isEqualTo(8000);
		assertThat(mongo.indexOps(Organisation.class).getIndexInfo()).anySatisfy(index -> assertThat(index.getName())
			.isEqualTo("stage_segment"));
	}

	@Test
	void namedOrganisationsAndGroupsOfThemAndNoRetentionWithoutAnyOrder() {
		LifecycleFigures figures = as(TestTokens.staff("admin")).getLifecycleFigures(GetLifecycleFiguresRequest.newBuilder()
			.addCustomerIds("acme-retail").addCustomerIds("wayne-hardware").addCustomerIds("nobody-known")
			.addGroups(LifecycleGroup.newBuilder().setLabel("Churned one").addCustomerIds("wayne-hardware"))
			.addGroups(LifecycleGroup.newBuilder().setLabel("Prospect").addCustomerIds("umbrella-supplies"))
			.build());

		assertThat(figures.getTotal().getActive()).isEqualTo(1);
		assertThat(figures.getTotal().getChurned()).isEqualTo(1);
		assertThat(figures.getTotal().getRetentionBp()).isEqualTo(5000);
		assertThat(figures.getGroups(0).getRetentionBp()).isZero();
		assertThat(figures.getGroups(0).hasRetentionBp()).isTrue();
		assertThat(figures.getGroups(1).getProspects()).isEqualTo(1);
		assertThat(figures.getGroups(1).hasRetentionBp()).isFalse();
	}

	@Test
	void agentsCustomersAndServicesAreRefused() {
		for (String token : new String[] { TestTokens.staff("agent"), TestTokens.customer("acme-retail"), TestTokens.service() }) {
			assertThatExceptionOfType(StatusRuntimeException.class)
				.isThrownBy(() -> as(token).getLifecycleFigures(GetLifecycleFiguresRequest.getDefaultInstance()))
				.satisfies(ex -> assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED));
		}
	}
}
