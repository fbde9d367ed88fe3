package com.rapport.customer.tiering;

import com.rapport.customer.organisation.LifecycleStage;

/**
 * Where an organisation stands: without any order a prospect; after a long silence dormant, then churned
 * (silence wins over loyalty); else loyal from enough orders in the window, repeat from the second order of
 * all time, first purchase after the first.
 */
public final class LifecycleRules {

	private LifecycleRules() {
	}

	public static LifecycleStage stage(Rfm rfm, TieringProperties properties) {
		TieringProperties.Lifecycle rules = properties.lifecycle();
		if (rfm.recencyDays() == null || rfm.totalOrders() == 0) {
			return LifecycleStage.PROSPECT;
		}
		if (rfm.recencyDays() >= rules.churnedAfter().toDays()) {
			return LifecycleStage.CHURNED;
		}
		if (rfm.recencyDays() >= rules.dormantAfter().toDays()) {
			return LifecycleStage.DORMANT;
		}
		if (rfm.frequency() >= rules.loyalOrders()) {
			return LifecycleStage.LOYAL;
		}
		return rfm.totalOrders() >= 2 ? LifecycleStage.REPEAT : LifecycleStage.FIRST_PURCHASE;
	}
}
