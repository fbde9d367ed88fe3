package com.rapport.customer.growth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.rapport.customer.organisation.CustomerAccess;
import com.rapport.customer.organisation.Organisation;
import com.rapport.customer.organisation.OrganisationRepository;
import com.rapport.customer.tiering.Rfm;
import com.rapport.customer.tiering.TieringProperties;
import com.rapport.customer.timeline.Interaction;
import com.rapport.customer.timeline.InteractionKind;
import com.rapport.customer.timeline.InteractionRecorded;
import com.rapport.customer.timeline.TimelineService;
import com.rapport.support.error.Message;
import com.rapport.support.error.NotFoundException;
import com.rapport.support.error.UnprocessableException;
import com.rapport.support.security.Caller;

import org.springframework.context.event.EventListener;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Slice;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * Keeps each organisation's {@link LifetimeValue} in step with its delivered orders (the timeline's
 * {@code ORDER_DELIVERED} entries, which order-tracking-service records with the order's currency and amount):
 * after each newly recorded delivery, and for every organisation in the nightly run. Staff read one organisation's
 * value; managers and admins the value by segment.
 */
@Service
public class GrowthService {

	private static final Logger log = LoggerFactory.getLogger(GrowthService.class);

	private static final int PAGE = 500;

	private final OrganisationRepository organisations;

	private final CustomerGrowthRepository growth;

	private final TimelineService timeline;

	private final TieringProperties rates;

	private final GrowthProperties properties;

	private final Clock clock;

	public GrowthService(OrganisationRepository organisations, CustomerGrowthRepository growth,
			TimelineService timeline, TieringProperties rates, GrowthProperties properties, Clock clock) {
		this.organisations = organisations;
		this.growth = growth;
		this.timeline = timeline;
		this.rates = rates;
		this.properties = properties;
		this.clock = clock;
	}

	public static boolean mayReadSegments(Caller caller) {
		return caller.hasRole(Caller.MANAGER) || caller.hasRole(Caller.ADMIN);
	}

	/** A delivery changes the value at once; a failure is logged and left to the nightly run. */
	@EventListener
	public void onInteractionRecorded(InteractionRecorded event) {
		Interaction interaction = event.interaction();
		if (interaction.kind() != InteractionKind.ORDER_DELIVERED) {
			return;
		}
		try {
			recompute(interaction.organisationId());
		}
		catch (RuntimeException ex) {
			log.warn("Could not recompute the lifetime value of {} after delivery {}; the nightly run will",
					interaction.organisationId(), interaction.eventId(), ex);
		}
	}

	/** Recomputes one organisation's figures now and stores them. */
	public CustomerGrowth recompute(String organisationId) {
		List<Rfm.Order> delivered = timeline.ofKindSince(organisationId, InteractionKind.ORDER_DELIVERED, Instant.EPOCH)
			.stream()
			.map(i -> new Rfm.Order(i.reference() != null ? i.reference() : i.eventId(), i.occurredAt(),
					i.attributes().get("currency"), i.attributes().get("amount_minor_units")))
			.toList();
		return growth.save(new CustomerGrowth(organisationId,
				LifetimeValue.of(delivered, clock.instant(), rates, properties)));
	}

	/**
	 * Recomputes every organisation, a page at a time; one failing does not stop the rest. Logs how many and how
	 * long (the figure the benchmark of 100,000 organisations reads), and answers how many.
	 */
	public int recomputeAll() {
		long started = System.nanoTime();
		int done = 0;
		int failed = 0;
		Slice<Organisation> page;
		int number = 0;
		do {
			page = organisations.findAllBy(PageRequest.of(number++, PAGE, Sort.by("id")));
			for (Organisation organisation : page) {
				try {
					recompute(organisation.id());
					done++;
				}
				catch (RuntimeException ex) {
					failed++;
					log.warn("Could not recompute the growth figures of {}", organisation.id(), ex);
				}
			}
		}
		while (page.hasNext());
		log.info("Growth recompute: {} organisations in {} ms ({} failed)", done,
				Duration.ofNanos(System.nanoTime() - started).toMillis(), failed);
		return done;
	}

	/** One organisation's figures as last computed (zero, not computed, before the first run). Staff only. */
	public CustomerGrowth of(Caller caller, String organisationId) {
		if (!CustomerAccess.isStaff(caller)) {
			throw new AccessDeniedException("Growth figures are for staff");
		}
		if (organisationId == null || organisationId.isBlank() || !organisations.existsById(organisationId)) {
			throw new NotFoundException(Message.of("organisation.not-found", organisationId));
		}
		return growth.findById(organisationId).orElse(new CustomerGrowth(organisationId, null));
	}

	/** The base currency every amount is in. */
	public String currency() {
		return rates.baseCurrency();
	}

	/**
	 * Every organisation's value summed by {@code segment}, largest projected value first, and the total.
	 * Managers and admins only.
	 */
	public SegmentReport bySegment(Caller caller, ValueSegment segment) {
		if (!mayReadSegments(caller)) {
			throw new AccessDeniedException("Value by segment is for managers");
		}
		if (segment == null) {
			throw UnprocessableException.field(Message.of("growth.segment-invalid"), "segment",
					Message.of("growth.segment.one-of"));
		}
		Map<String, SegmentValue> rows = new LinkedHashMap<>();
		SegmentValue total = SegmentValue.empty("");
		Slice<Organisation> page;
		int number = 0;
		do {
			page = organisations.findAllBy(PageRequest.of(number++, PAGE, Sort.by("id")));
			Map<String, LifetimeValue> values = new LinkedHashMap<>();
			growth.findAllById(page.map(Organisation::id).toList())
				.forEach(g -> values.put(g.organisationId(), g.value()));
			for (Organisation organisation : page) {
				LifetimeValue value = values.get(organisation.id());
				String key = keyOf(segment, organisation, value);
				rows.put(key, rows.getOrDefault(key, SegmentValue.empty(key)).plus(value));
				total = total.plus(value);
			}
		}
		while (page.hasNext());
		List<SegmentValue> sorted = new ArrayList<>(rows.values());
		sorted.sort(Comparator.comparing(SegmentValue::projectedValue, Comparator.reverseOrder())
			.thenComparing(SegmentValue::key));
		return new SegmentReport(segment, rates.baseCurrency(), sorted, total);
	}

	/** The value of each segment and of all organisations, in {@code currency}. */
	public record SegmentReport(ValueSegment segment, String currency, List<SegmentValue> rows, SegmentValue total) {
	}

	private static String keyOf(ValueSegment segment, Organisation organisation, LifetimeValue value) {
		Function<String, String> orEmpty = s -> s == null ? "" : s.strip();
		return switch (segment) {
			case TIER -> organisation.tier() == null ? "" : organisation.tier().name();
			case INDUSTRY -> orEmpty.apply(organisation.industry());
			case REGION -> orEmpty.apply(organisation.region());
			case COHORT -> value == null || value.cohort() == null ? "" : value.cohort().toString();
		};
	}
}
