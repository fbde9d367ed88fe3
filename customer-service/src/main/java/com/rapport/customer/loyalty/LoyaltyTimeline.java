package com.rapport.customer.loyalty;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.rapport.customer.timeline.InteractionInput;
import com.rapport.customer.timeline.InteractionKind;
import com.rapport.customer.timeline.TimelineService;

import org.springframework.stereotype.Component;

/**
 * Puts each ledger movement on the organisation's timeline as a {@code CARE_EVENT} from customer-service, its event
 * id the entry's ({@code loyalty:<entry id>}), so a movement is one line however often it is told; the line is a
 * code ({@code timeline.loyalty.*}) said in the reader's language.
 */
@Component
public class LoyaltyTimeline {

	private static final Logger log = LoggerFactory.getLogger(LoyaltyTimeline.class);

	static final String SOURCE = "customer-service";

	private final TimelineService timeline;

	LoyaltyTimeline(TimelineService timeline) {
		this.timeline = timeline;
	}

	public void record(LedgerEntry entry, String english, String code, List<String> args) {
		Map<String, String> attributes = new LinkedHashMap<>();
		attributes.put("loyalty_entry", entry.id());
		attributes.put("loyalty_kind", entry.kind().name());
		attributes.put("points", String.valueOf(entry.points()));
		attributes.put("balance", String.valueOf(entry.balanceAfter()));
		if (entry.rewardId() != null) {
			attributes.put("reward_id", entry.rewardId());
		}
		try {
			timeline.recordOwn(new InteractionInput(SOURCE, "loyalty:" + entry.id(), entry.organisationId(),
					InteractionKind.CARE_EVENT, entry.recordedAt(), english.length() > 500 ? english.substring(0, 500)
							: english, "loyalty:" + entry.id(), attributes, code, args));
		}
		catch (RuntimeException ex) {
			// The entry stands; its line is a courtesy the ledger does not depend on.
			log.warn("Could not put loyalty entry {} on the timeline", entry.id(), ex);
		}
	}
}
