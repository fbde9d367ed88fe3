package com.rapport.ordertracking.figures;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.rapport.contracts.ordertracking.v1.DeliveryFigures;
import com.rapport.contracts.ordertracking.v1.DeliveryFiguresServiceGrpc;
import com.rapport.contracts.ordertracking.v1.DeliveryGroup;
import com.rapport.contracts.ordertracking.v1.GetDeliveryFiguresRequest;
import com.rapport.ordertracking.customer.CustomerDirectory;
import com.rapport.ordertracking.order.Milestone;
import com.rapport.ordertracking.order.MilestoneCode;
import com.rapport.ordertracking.order.Order;
import com.rapport.ordertracking.order.OrderRepository;
import com.rapport.support.grpc.CallTokens;
import com.rapport.support.test.FixedClock;
import com.rapport.support.test.TestTokens;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.inprocess.InProcessChannelBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * On-time delivery month by month over the in-process gRPC transport (real security interceptor), on the embedded
 * store. The same Spring configuration as {@code OrderFactsGrpcServiceTests}, so the test context is shared.
 */
@SpringBootTest(properties = { "rapport.mongodb.embedded.in-memory=true", "spring.grpc.server.port=0",
		"spring.grpc.server.inprocess.name=" + "order-facts-test" })
@Import({ TestTokens.DecoderConfiguration.class, FixedClock.class })
class DeliveryFiguresTests {

	static final ManagedChannel channel = InProcessChannelBuilder.forName("order-facts-test").directExecutor().build();

	@Autowired
	OrderRepository orders;

	@Autowired
	MongoTemplate mongo;

	@MockitoBean
	CustomerDirectory customers;

	@BeforeEach
	void setUp() {
		orders.deleteAll();
		// Acme: March on time, on the promised day in Shanghai (23:59), and late; April one without a promised date.
		delivered("acme-retail", "A-1", "2026-03-05T15:59:59Z", "2026-03-05");
		delivered("acme-retail", "A-2", "2026-03-20T02:00:00Z", "2026-03-10");
		delivered("acme-retail", "A-3", "2026-04-02T02:00:00Z", null);
		// Globex: on time in April (31 March 17:00 UTC is 1 April in Shanghai), one still on its way.
		delivered("globex-trading", "G-1", "2026-03-31T17:00:00Z", "2026-04-01");
		orders.save(new Order(null, "globex-trading", "G-2", Instant.parse("2026-04-01T02:00:00Z"),
				LocalDate.parse("2026-04-30"), null, List.of(),
				List.of(new Milestone(MilestoneCode.PLACED, Instant.parse("2026-04-01T02:00:00Z"), null)), "partner-test",
				null, null, null));
		// Initech: delivered before the period.
		delivered("initech-logistics", "I-1", "2026-01-10T02:00:00Z", "2026-01-12");
	}

	private void delivered(String customer, String number, String at, String promised) {
		Instant delivered = Instant.parse(at);
		Instant placed = delivered.minusSeconds(10 * 86_400);
		orders.save(new Order(null, customer, number, placed, promised == null ? null : LocalDate.parse(promised), null,
				List.of(), List.of(new Milestone(MilestoneCode.PLACED, placed, null),
						new Milestone(MilestoneCode.DELIVERED, delivered, null)), "partner-test", null, null, null));
	}

	private static DeliveryFiguresServiceGrpc.DeliveryFiguresServiceBlockingStub as(String token) {
		return DeliveryFiguresServiceGrpc.newBlockingStub(channel).withCallCredentials(CallTokens.bearer(token));
	}

	private static GetDeliveryFiguresRequest.Builder marchToMay() {
		return GetDeliveryFiguresRequest.newBuilder().setFromMonth("2026-03").setToMonth("2026-05");
	}

	@Test
	void everyOrganisationsDeliveriesMonthByMonthInTheBusinessTimeZone() {
		DeliveryFigures figures = as(TestTokens.staff("manager")).getDeliveryFigures(marchToMay().build());

		assertThat(figures.getMonthsList()).extracting(m -> m.getLabel()).containsExactly("2026-03", "2026-04", "2026-05");
		assertThat(figures.getMonths(0).getDelivered()).isEqualTo(2);
		assertThat(figures.getMonths(0).getOnTime()).isEqualTo(1);
		assertThat(figures.getMonths(0).getOnTimeShareBp()).isEqualTo(5000);
		assertThat(figures.getMonths(1).getDelivered()).isEqualTo(2);
		assertThat(figures.getMonths(1).getWithPromisedDate()).isEqualTo(1);
		assertThat(figures.getMonths(1).getOnTimeShareBp()).isEqualTo(10000);
		assertThat(figures.getMonths(2).hasOnTimeShareBp()).isFalse();
		assertThat(figures.getTotal().getDelivered()).isEqualTo(4);
		assertThat(figures.getTotal().getOnTimeShareBp()).isEqualTo(6666);
		assertThat(mongo.indexOps(Order.class).getIndexInfo()).anySatisfy(index -> assertThat(index.getName())
			.isEqualTo("delivered_at"));
	}

	@Test
	void someOrganisationsAndGroupsOfThem() {
		DeliveryFigures acme = as(TestTokens.staff("admin")).getDeliveryFigures(marchToMay().addCustomerIds("acme-retail")
			.build());
		assertThat(acme.getTotal().getDelivered()).isEqualTo(3);
		assertThat(acme.getTotal().getOnTimeShareBp()).isEqualTo(5000);

		DeliveryFigures grouped = as(TestTokens.staff("manager")).getDeliveryFigures(marchToMay()
			.addGroups(DeliveryGroup.newBuilder().setLabel("Retail").addCustomerIds("acme-retail"))
			.addGroups(DeliveryGroup.newBuilder().setLabel("Logistics").addCustomerIds("globex-trading")
				.addCustomerIds("initech-logistics"))
			.build());
		assertThat(grouped.getTotal().getDelivered()).isEqualTo(4);
		assertThat(grouped.getGroupsList()).extracting(g -> g.getLabel() + "=" + g.getDelivered() + "/" + g.getOnTime())
			.containsExactly("Retail=3/1", "Logistics=1/1");
	}

	@Test
	void aContactReadsItsOwnOrganisationsAloneAndAnotherIsNotFound() {
		DeliveryFigures own = as(TestTokens.customer("acme-retail")).getDeliveryFigures(marchToMay()
			.addGroups(DeliveryGroup.newBuilder().setLabel("All").addCustomerIds("globex-trading")).build());
		assertThat(own.getTotal().getDelivered()).isEqualTo(3);
		assertThat(own.getGroupsList()).isEmpty();

		assertThatExceptionOfType(StatusRuntimeException.class)
			.isThrownBy(() -> as(TestTokens.customer("acme-retail")).getDeliveryFigures(marchToMay()
				.addCustomerIds("globex-trading").build()))
			.satisfies(ex -> assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND));
		assertThatExceptionOfType(StatusRuntimeException.class)
			.isThrownBy(() -> as(TestTokens.staff("agent")).getDeliveryFigures(marchToMay().build()))
			.satisfies(ex -> assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED));
	}

	@Test
	void aPeriodThatIsNoPeriodIsRefusedNamingItsMonths() {
		assertThatExceptionOfType(StatusRuntimeException.class)
			.isThrownBy(() -> as(TestTokens.staff("manager")).getDeliveryFigures(GetDeliveryFiguresRequest.newBuilder()
				.setFromMonth("2026-13").setToMonth("2026-05").build()))
			.satisfies(ex -> {
				assertThat(ex.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
				assertThat(ex.getStatus().getDescription()).contains("fromMonth");
			});
		assertThatExceptionOfType(StatusRuntimeException.class)
			.isThrownBy(() -> as(TestTokens.staff("manager")).getDeliveryFigures(GetDeliveryFiguresRequest.newBuilder()
				.setFromMonth("2024-01").setToMonth("2026-05").build()))
			.satisfies(ex -> assertThat(ex.getStatus().getDescription()).contains("toMonth"));
	}
}
