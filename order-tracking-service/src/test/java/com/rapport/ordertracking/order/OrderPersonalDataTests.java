package com.rapport.ordertracking.order;

import java.util.List;

import com.jayway.jsonpath.JsonPath;
import com.rapport.contracts.privacy.v1.ErasePersonalDataRequest;
import com.rapport.contracts.privacy.v1.ExportPersonalDataRequest;
import com.rapport.contracts.privacy.v1.PersonalDataGrpc;
import com.rapport.contracts.privacy.v1.Subject;
import com.rapport.ordertracking.customer.CustomerDirectory;
import com.rapport.support.grpc.CallTokens;
import com.rapport.support.test.TestTokens;
import io.grpc.ManagedChannel;
import io.grpc.inprocess.InProcessChannelBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import static org.assertj.core.api.Assertions.assertThat;

/** What order-tracking-service holds about a person: the orders they submitted themselves, and nothing else. */
@SpringBootTest(properties = { "rapport.mongodb.embedded.in-memory=true", "spring.grpc.server.port=0",
		"spring.grpc.server.inprocess.name=" + OrderPersonalDataTests.SERVER })
@Import(TestTokens.DecoderConfiguration.class)
class OrderPersonalDataTests {

	static final String SERVER = "order-tracking-personal-data-test";

	static final ManagedChannel channel = InProcessChannelBuilder.forName(SERVER).directExecutor().build();

	static final Subject ALICE = Subject.newBuilder().setOrganisationId("acme-retail").setContactId("alice-1")
		.setUsername("alice.chen").setName("Alice Chen").build();

	@MockitoBean
	CustomerDirectory customers;

	@Autowired
	OrderRepository orders;

	@BeforeEach
	void setUp() {
		orders.deleteAll();
		orders.save(withSubmitter(Orders.stored("acme-retail", "PO-ALICE", Orders.T0), "alice.chen"));
		orders.save(Orders.stored("acme-retail", "PO-PARTNER", Orders.T0));
		// The same login name under another organisation is somebody else.
		orders.save(withSubmitter(Orders.stored("globex-trading", "PO-GLOBEX", Orders.T0), "alice.chen"));
	}

	private static Order withSubmitter(Order order, String submittedBy) {
		return new Order(order.id(), order.customerId(), order.orderNumber(), order.placedAt(), order.promisedDate(),
				order.total(), order.lines(), order.milestones(), submittedBy, null, null, null);
	}

	private static PersonalDataGrpc.PersonalDataBlockingStub admin() {
		return PersonalDataGrpc.newBlockingStub(channel).withCallCredentials(CallTokens.bearer(TestTokens.staff("admin")));
	}

	@Test
	void theExportListsOnlyTheOrdersThePersonSubmittedForTheirOrganisation() {
		var export = admin().exportPersonalData(ExportPersonalDataRequest.newBuilder().setSubject(ALICE).build());

		assertThat(export.getService()).isEqualTo("order-tracking-service");
		assertThat(export.getRecords()).isEqualTo(1);
		assertThat(JsonPath.<List<String>>read(export.getJson(), "$.orders[*].orderNumber")).containsExactly("PO-ALICE");
	}

	@Test
	void erasingKeepsTheOrderAndForgetsWhoSubmittedIt() {
		var erased = admin().erasePersonalData(ErasePersonalDataRequest.newBuilder().setSubject(ALICE).build());

		assertThat(erased.getRecordsAnonymised()).isEqualTo(1);
		assertThat(orders.findAll()).extracting(Order::orderNumber, Order::submittedBy).containsExactlyInAnyOrder(
				org.assertj.core.groups.Tuple.tuple("PO-ALICE", OrderPersonalData.ERASED_SUBMITTER),
				org.assertj.core.groups.Tuple.tuple("PO-PARTNER", "partner-test"),
				org.assertj.core.groups.Tuple.tuple("PO-GLOBEX", "alice.chen"));
		var again = admin().erasePersonalData(ErasePersonalDataRequest.newBuilder().setSubject(ALICE).build());
		assertThat(again.getRecordsAnonymised()).isZero();
	}

	@Test
	void aSubjectWithoutALoginSubmittedNothing() {
		var export = admin().exportPersonalData(ExportPersonalDataRequest.newBuilder()
			.setSubject(ALICE.toBuilder().clearUsername()).build());

		assertThat(export.getRecords()).isZero();
		assertThat(export.getJson()).isEqualTo("{}");
	}
}
