package com.rapport.customer.tiering;

import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import com.rapport.customer.organisation.Tier;
import com.rapport.customer.organisation.TierReason;
import com.rapport.support.message.Texts;

/** The tier an organisation's RFM earns, with the rule that decided, first match wins. */
public final class TierRules {

	public static final String VIP_MONETARY = "VIP_MONETARY";

	public static final String VIP_FREQUENT_AND_RECENT = "VIP_FREQUENT_AND_RECENT";

	public static final String KEY_MONETARY = "KEY_MONETARY";

	public static final String KEY_FREQUENCY = "KEY_FREQUENCY";

	public static final String NORMAL = "NORMAL";

	private TierRules() {
	}

	public static TierReason decide(Rfm rfm, TieringProperties properties, Instant now) {
		TieringProperties.Vip vip = properties.vip();
		TieringProperties.Key key = properties.key();
		Tier tier;
		String rule;
		if (rfm.monetary().compareTo(vip.monetary()) >= 0) {
			tier = Tier.VIP;
			rule = VIP_MONETARY;
		}
		else if (rfm.frequency() >= vip.frequency() && rfm.recencyDays() != null
				&& rfm.recencyDays() <= vip.recency().toDays()) {
			tier = Tier.VIP;
			rule = VIP_FREQUENT_AND_RECENT;
		}
		else if (rfm.monetary().compareTo(key.monetary()) >= 0) {
			tier = Tier.KEY;
			rule = KEY_MONETARY;
		}
		else if (rfm.frequency() >= key.frequency()) {
			tier = Tier.KEY;
			rule = KEY_FREQUENCY;
		}
		else {
			tier = Tier.NORMAL;
			rule = NORMAL;
		}
		int windowDays = (int) properties.window().toDays();
		return new TierReason(tier, rule, rfm.recencyDays(), rfm.frequency(), rfm.monetary(), rfm.currency(),
				windowDays, figures(rfm, windowDays) + ": " + tier.name(), now);
	}

	/** "ordered 3 days ago, 14 orders in 12 months, CNY 1,234,000" */
	static String figures(Rfm rfm, int windowDays) {
		String recency = rfm.recencyDays() == null ? "never ordered"
				: rfm.recencyDays() == 0 ? "ordered today"
						: "ordered " + rfm.recencyDays() + (rfm.recencyDays() == 1 ? " day ago" : " days ago");
		return recency + ", " + orders(rfm.frequency()) + " in " + window(windowDays) + ", " + rfm.currency() + " "
				+ amount(rfm);
	}

	/**
	 * The same figures as values of a timeline line's code (see {@code timeline.tier.changed}): recency, orders,
	 * window (each a code to say), currency, amount.
	 */
	static List<String> figuresArgs(Rfm rfm, int windowDays) {
		String recency = rfm.recencyDays() == null ? Texts.code("timeline.recency.never")
				: rfm.recencyDays() == 0 ? Texts.code("timeline.recency.today")
						: rfm.recencyDays() == 1 ? Texts.code("timeline.recency.day")
								: Texts.code("timeline.recency.days", rfm.recencyDays());
		String orders = rfm.frequency() == 1 ? Texts.code("timeline.orders.one")
				: Texts.code("timeline.orders.many", rfm.frequency());
		String window = windowDays > 0 && windowDays % 365 == 0 ? Texts.code("timeline.window.months", windowDays / 365 * 12)
				: windowDays == 1 ? Texts.code("timeline.window.day") : Texts.code("timeline.window.days", windowDays);
		return List.of(recency, orders, window, rfm.currency(), amount(rfm));
	}

	static String orders(int n) {
		return n + (n == 1 ? " order" : " orders");
	}

	static String window(int days) {
		if (days > 0 && days % 365 == 0) {
			return days / 365 * 12 + " months";
		}
		return days + (days == 1 ? " day" : " days");
	}

	private static String amount(Rfm rfm) {
		DecimalFormat format = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ROOT));
		return format.format(rfm.monetary().setScale(0, RoundingMode.HALF_EVEN));
	}
}
