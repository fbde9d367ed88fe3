package com.rapport.portal.portal;

import java.util.List;

import com.google.protobuf.Timestamp;
import com.rapport.contracts.ordertracking.v1.Milestone;
import com.rapport.contracts.ordertracking.v1.MilestoneCode;
import com.rapport.contracts.ordertracking.v1.Order;
import com.rapport.portal.portal.PortalController.Step;
import org.junit.jupiter.api.Test;

import static com.rapport.contracts.ordertracking.v1.MilestoneCode.MILESTONE_CODE_CONFIRMED;
import static com.rapport.contracts.ordertracking.v1.MilestoneCode.MILESTONE_CODE_DELIVERED;
import static com.rapport.contracts.ordertracking.v1.MilestoneCode.MILESTONE_CODE_EXCEPTION;
import static com.rapport.contracts.ordertracking.v1.MilestoneCode.MILESTONE_CODE_IN_PRODUCTION;
import static com.rapport.contracts.ordertracking.v1.MilestoneCode.MILESTONE_CODE_OUT_FOR_DELIVERY;
import static com.rapport.contracts.ordertracking.v1.MilestoneCode.MILESTONE_CODE_PACKED;
import static com.rapport.contracts.ordertracking.v1.MilestoneCode.MILESTONE_CODE_PLACED;
import static com.rapport.contracts.ordertracking.v1.MilestoneCode.MILESTONE_CODE_QUALITY_CHECK;
import static com.rapport.contracts.ordertracking.v1.MilestoneCode.MILESTONE_CODE_SHIPPED;
import static org.assertj.core.api.Assertions.assertThat;

class PortalControllerStepsTests {

	static final Timestamp PLACED_AT = Timestamp.newBuilder().setSeconds(1_764_554_400L).build();

	@Test
	void orderWithoutMilestonesIsPlacedAndHasTheRestOfThePathAhead() {
		Order order = Order.newBuilder().setStatus(MILESTONE_CODE_PLACED).setPlacedAt(PLACED_AT).build();

		List<Step> steps = PortalController.steps(order);

		assertThat(codes(steps)).containsExactlyElementsOf(names(PortalController.PATH));
		assertThat(steps.get(0).reached()).isTrue();
		// order-tracking-service reports such an order as PLACED: the page must not show placement as ahead
		assertThat(steps.get(0).milestone().getOccurredAt()).isEqualTo(PLACED_AT);
		assertThat(steps.subList(1, steps.size())).noneMatch(Step::reached);
	}

	@Test
	void reachedStepsComeFirstThenTheStepsAheadOfTheFurthest() {
		Order order = order(MILESTONE_CODE_PLACED, MILESTONE_CODE_CONFIRMED, MILESTONE_CODE_IN_PRODUCTION);

		List<Step> steps = PortalController.steps(order);

		assertThat(codes(steps)).containsExactlyElementsOf(names(PortalController.PATH));
		assertThat(steps).extracting(Step::reached)
			.containsExactly(true, true, true, false, false, false, false, false);
		assertThat(steps.get(2).milestone().getNote()).isEqualTo("note of MILESTONE_CODE_IN_PRODUCTION");
	}

	@Test
	void exceptionIsShownWhereItHappenedAndTheRemainingPathStaysAhead() {
		Order order = order(MILESTONE_CODE_PLACED, MILESTONE_CODE_CONFIRMED, MILESTONE_CODE_EXCEPTION);

		List<Step> steps = PortalController.steps(order);

		assertThat(codes(steps)).containsExactly("MILESTONE_CODE_PLACED", "MILESTONE_CODE_CONFIRMED",
				"MILESTONE_CODE_EXCEPTION", "MILESTONE_CODE_IN_PRODUCTION", "MILESTONE_CODE_QUALITY_CHECK",
				"MILESTONE_CODE_PACKED", "MILESTONE_CODE_SHIPPED", "MILESTONE_CODE_OUT_FOR_DELIVERY",
				"MILESTONE_CODE_DELIVERED");
		assertThat(steps.subList(0, 3)).allMatch(Step::reached);
		assertThat(steps.subList(3, steps.size())).noneMatch(Step::reached);
	}

	@Test
	void exceptionBeforeAnyStepOfThePathStillShowsTheOrderAsPlaced() {
		Order order = order(MILESTONE_CODE_EXCEPTION);

		List<Step> steps = PortalController.steps(order);

		assertThat(codes(steps).subList(0, 3)).containsExactly("MILESTONE_CODE_PLACED", "MILESTONE_CODE_EXCEPTION",
				"MILESTONE_CODE_CONFIRMED");
		assertThat(steps).filteredOn(Step::reached).extracting(Step::code)
			.containsExactly("MILESTONE_CODE_PLACED", "MILESTONE_CODE_EXCEPTION");
		assertThat(steps).filteredOn(step -> step.code().equals("MILESTONE_CODE_PLACED")).hasSize(1);
	}

	@Test
	void deliveredOrderHasNoStepsAhead() {
		Order order = order(MILESTONE_CODE_PLACED, MILESTONE_CODE_CONFIRMED, MILESTONE_CODE_IN_PRODUCTION,
				MILESTONE_CODE_QUALITY_CHECK, MILESTONE_CODE_PACKED, MILESTONE_CODE_SHIPPED,
				MILESTONE_CODE_OUT_FOR_DELIVERY, MILESTONE_CODE_DELIVERED);

		List<Step> steps = PortalController.steps(order);

		assertThat(steps).hasSize(8).allMatch(Step::reached);
	}

	@Test
	void stepsThePartnerSkippedAreNotShownAheadOnceALaterStepIsReached() {
		Order order = order(MILESTONE_CODE_PLACED, MILESTONE_CODE_SHIPPED, MILESTONE_CODE_DELIVERED);

		List<Step> steps = PortalController.steps(order);

		assertThat(codes(steps)).containsExactly("MILESTONE_CODE_PLACED", "MILESTONE_CODE_SHIPPED",
				"MILESTONE_CODE_DELIVERED");
		assertThat(steps).allMatch(Step::reached);
	}

	static Order order(MilestoneCode... codes) {
		Order.Builder order = Order.newBuilder().setId("o-1").setOrderNumber("ACME-1").setPlacedAt(PLACED_AT)
			.setStatus(codes[codes.length - 1]);
		for (int i = 0; i < codes.length; i++) {
			order.addMilestones(Milestone.newBuilder().setCode(codes[i])
				.setOccurredAt(Timestamp.newBuilder().setSeconds(PLACED_AT.getSeconds() + 3600L * (i + 1)))
				.setNote("note of " + codes[i].name()));
		}
		return order.build();
	}

	static List<String> codes(List<Step> steps) {
		return steps.stream().map(Step::code).toList();
	}

	static List<String> names(List<MilestoneCode> codes) {
		return codes.stream().map(MilestoneCode::name).toList();
	}
}
