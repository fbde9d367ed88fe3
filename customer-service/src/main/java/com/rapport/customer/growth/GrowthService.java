package com.rapport.customer.growth;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.rapport.customer.care.CareTaskService;
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
import com.rapport.support.message.Texts;
import com.rapport.support.security.Caller;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.FindAndReplaceOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * Keeps each organisation's {@link LifetimeValue} and {@link ChurnRisk} in step with its orders (the timeline's
 * {@code ORDER_DELIVERED} and {@code ORDER_PLACED} entries, which order-tracking-service records with the order's
 * currency and amount) and its tickets and scores (ticket-service, feedback-service): after each newly recorded
 * signal (an order placed or delivered, a ticket opened or resolved, a survey answered), and for every
 * organisation in the nightly run. A risk at or above the managers' threshold opens a task for the account
 * manager with the reasons; one that falls below closes it. Staff read one organisation's figures and the
 * customers at risk; managers and admins the value by segment.
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

	private final SupportSignals support;

	private final CareTaskService care;

	private final Texts texts;

	private final OrderHistory history;

	private final GrowthConfiguration.SignalRunner signals;

	private final GrowthSettingsService settings;

	private final MongoTemplate mongo;

	private final ApplicationEventPublisher events;

	private final ReminderHistory reminders;

	/**
	 * Organisations whose signal's recompute is waiting to start: a burst of signals for one organisation (a
	 * partner opening hundreds of its tickets) makes one recompute, not hundreds of them one after another.
	 */
	private final Set<String> waiting = java.util.concurrent.ConcurrentHashMap.newKeySet();

	/** The timeline entries that change an organisation's value or risk. */
	static final Set<InteractionKind> SIGNALS = Set.of(InteractionKind.ORDER_PLACED, InteractionKind.ORDER_DELIVERED,
			InteractionKind.TICKET_OPENED, InteractionKind.TICKET_RESOLVED, InteractionKind.SURVEY_ANSWERED);

	static final int MAX_AT_RISK = 200;

	public GrowthService(OrganisationRepository organisations, CustomerGrowthRepository growth,
			TimelineService timeline, TieringProperties rates, GrowthProperties properties, Clock clock,
			SupportSignals support, CareTaskService care, MessageSource messages,
			OrderHistory history,
			GrowthConfiguration.SignalRunner signals, GrowthSettingsService settings,
			MongoTemplate mongo, ApplicationEventPublisher events, ReminderHistory reminders) {
		this.organisations = organisations;
		this.growth = growth;
		this.timeline = timeline;
		this.rates = rates;
		this.properties = properties;
		this.clock = clock;
		this.support = support;
		this.care = care;
		this.texts = new Texts(messages);
		this.history = history;
		this.signals = signals;
		this.settings = settings;
		this.mongo = mongo;
		this.events = events;
		this.reminders = reminders;
	}

	public static boolean mayReadSegments(Caller caller) {
		return caller.hasRole(Caller.MANAGER) || caller.hasRole(Caller.ADMIN);
	}

	/**
	 * A signal changes the figures soon after it is recorded (a repeat is no signal): off the recording request, so
	 * that recording never waits on the other services; a failure is logged and left to the nightly run.
	 */
	@EventListener
	public void onInteractionRecorded(InteractionRecorded event) {
		Interaction interaction = event.interaction();
		if (!SIGNALS.contains(interaction.kind())) {
			return;
		}
		String organisationId = interaction.organisationId();
		if (!waiting.add(organisationId)) {
			return; // a recompute of this organisation is waiting to start: it will read this signal too
		}
		boolean taken = signals.run(() -> {
			try {
				waiting.remove(organisationId); // a signal from now on asks for one more run after this one
				recompute(organisationId);
			}
			catch (RuntimeException ex) {
				log.warn("Could not recompute the growth figures of {} after {} {}; the nightly run will",
						interaction.organisationId(), interaction.kind(), interaction.eventId(), ex);
			}
		});
		if (!taken) {
			waiting.remove(organisationId);
		}
	}

	/** Recomputes one organisation's figures now and stores them. */
	public CustomerGrowth recompute(String organisationId) {
		Organisation organisation = organisations.findById(organisationId)
			.orElseThrow(() -> new NotFoundException(Message.of("organisation.not-found", organisationId)));
		return recompute(organisation);
	}

	private CustomerGrowth recompute(Organisation organisation) {
		Instant now = clock.instant();
		CustomerGrowth saved = growth.save(figures(organisation, history.linesOf(organisation.id()),
				support.of(organisation.id()), reminders.mailed(organisation.id()), settings.current(), now));
		act(organisation, saved, now);
		return saved;
	}

	/**
	 * The organisation's figures, not stored, with its order lines already read ({@code null}: not readable, the
	 * reorders stay) and the managers' settings in force.
	 */
	private CustomerGrowth figures(Organisation organisation, List<ReorderRules.Line> lines, SupportFacts facts,
			List<Instant> remindersMailed, GrowthSettings rules, Instant now) {
		String id = organisation.id();
		LifetimeValue value = LifetimeValue.of(orders(id, InteractionKind.ORDER_DELIVERED), now, rates, properties);
		ChurnRisk risk = ChurnRules.assess(orders(id, InteractionKind.ORDER_PLACED), facts, remindersMailed, now, rates,
				rules.riskThreshold());
		List<Reorder> reorders = lines != null
				? ReorderRules.predict(lines, now, rules.reorderLeadDays())
				: growth.findById(id).map(CustomerGrowth::reorders).orElse(List.of());
		return CustomerGrowth.of(id, value, risk, reorders);
	}

	/** What stored figures call for: the churn-risk task opened or closed, a task for each reorder due. */
	private void act(Organisation organisation, CustomerGrowth saved, Instant now) {
		String id = organisation.id();
		ChurnRisk risk = saved.risk();
		List<Reorder> reorders = saved.reorders();
		if (risk.atRisk()) {
			care.openChurnRiskCall(organisation, summary(organisation, risk), now);
		}
		else {
			care.closeChurnRiskCalls(id);
		}
		for (Reorder reorder : reorders) {
			if (reorder.due()) {
				String key = reorderKey(id, reorder);
				boolean opened = care.openReorderCall(organisation, key,
						texts.say(Locale.ENGLISH, "growth.reorder.task", organisation.name(), reorder.sku(),
								reorder.description() == null ? "" : reorder.description(), reorder.usualIntervalDays(),
								reorder.expectedOn().toString(), reorder.lastQuantity(), reorder.lastOrderedOn().toString()),
						now);
				if (opened) {
					// The moment the task opens is the moment the contacts who opted in are reminded: once per
					// expected reorder, as the task.
					events.publishEvent(new ReorderDue(organisation, reorder, key, now));
				}
			}
		}
	}

	/** One expected reorder's key: its task's id, its reminders' and its draft's. */
	public static String reorderKey(String organisationId, Reorder reorder) {
		return "reorder:" + organisationId + ":" + reorder.sku() + ":" + reorder.expectedOn();
	}

	/** An organisation's predicted reorders as last computed (none before the first recompute). */
	public List<Reorder> reordersOf(String organisationId) {
		return growth.findById(organisationId).map(CustomerGrowth::reorders).orElse(List.of());
	}

	private List<Rfm.Order> orders(String organisationId, InteractionKind kind) {
		return timeline.ofKindSince(organisationId, kind, Instant.EPOCH)
			.stream()
			.map(Rfm.Order::of)
			.toList();
	}

	/** The task's line, in English (care tasks keep words): the score and every reason that adds points. */
	private String summary(Organisation organisation, ChurnRisk risk) {
		List<String> reasons = risk.reasons().stream()
			.filter(r -> r.points() > 0)
			.map(r -> texts.say(Locale.ENGLISH, r.code(), r.args().toArray()))
			.toList();
		String line = texts.say(Locale.ENGLISH, "growth.risk.task", organisation.name(), risk.score(),
				String.join("; ", reasons));
		return line.length() > 500 ? line.substring(0, 500) : line;
	}

	/**
	 * The organisations at risk now, most valuable (projected value) first, at most {@value #MAX_AT_RISK}, with
	 * the organisation they are of. Staff only.
	 */
	public List<AtRisk> atRisk(Caller caller) {
		if (!CustomerAccess.isStaff(caller)) {
			throw new AccessDeniedException("Churn risks are for staff");
		}
		List<CustomerGrowth> risky = new ArrayList<>(growth.findByAtRiskTrue());
		risky.sort(Comparator.comparing((CustomerGrowth g) -> g.value() == null ? BigDecimal.ZERO
				: g.value().projectedValue(), Comparator.reverseOrder())
			.thenComparing(g -> -g.risk().score())
			.thenComparing(CustomerGrowth::organisationId));
		List<CustomerGrowth> first = risky.subList(0, Math.min(MAX_AT_RISK, risky.size()));
		Map<String, Organisation> byId = new LinkedHashMap<>();
		organisations.findAllById(first.stream().map(CustomerGrowth::organisationId).toList())
			.forEach(o -> byId.put(o.id(), o));
		return first.stream().filter(g -> byId.containsKey(g.organisationId()))
			.map(g -> new AtRisk(byId.get(g.organisationId()), g)).toList();
	}

	/** An organisation at risk and its figures. */
	public record AtRisk(Organisation organisation, CustomerGrowth growth) {
	}

	/** The managers' threshold in force. */
	public int threshold() {
		return settings.current().riskThreshold();
	}

	/**
	 * A manager saved a new threshold: every organisation whose last computed score it puts on the other side is
	 * judged again at once (its task opened or closed), without waiting for the nightly run or a signal. Off the
	 * saving request, like a signal: one read through {@code customer_growth} for the organisations whose score is
	 * now on the other side (a rare manager's change; the embedded store indexes no top-level {@code $or}).
	 */
	@EventListener
	public void onSettingsChanged(GrowthSettingsChanged event) {
		int before = event.before().riskThreshold();
		int after = event.after().riskThreshold();
		if (before == after) {
			return;
		}
		signals.run(() -> {
			try {
				int changed = applyThreshold(after);
				log.info("Churn-risk threshold {} → {}: {} organisations changed side", before, after, changed);
			}
			catch (RuntimeException ex) {
				log.warn("Could not apply the churn-risk threshold {}; the nightly run will", after, ex);
			}
		});
	}

	/** Judges every last computed score by {@code threshold}; answers how many organisations changed side. */
	int applyThreshold(int threshold) {
		Query flipped = Query.query(new Criteria().orOperator(
				Criteria.where("atRisk").is(true).and("risk.score").lt(threshold),
				Criteria.where("atRisk").is(false).and("risk.score").gte(threshold)));
		int changed = 0;
		Instant now = clock.instant();
		for (CustomerGrowth figures : mongo.find(flipped, CustomerGrowth.class)) {
			ChurnRisk old = figures.risk();
			ChurnRisk risk = new ChurnRisk(old.score(), threshold, old.reasons(), old.computedAt());
			growth.save(CustomerGrowth.of(figures.organisationId(), figures.value(), risk, figures.reorders()));
			Organisation organisation = organisations.findById(figures.organisationId()).orElse(null);
			if (risk.atRisk() && organisation != null) {
				care.openChurnRiskCall(organisation, summary(organisation, risk), now);
			}
			else if (!risk.atRisk()) {
				care.closeChurnRiskCalls(figures.organisationId());
			}
			changed++;
		}
		return changed;
	}

	/**
	 * Recomputes every organisation, a page of {@value #PAGE} at a time (by id), the page's order lines read in one
	 * streamed call ({@link OrderHistory#linesOfRange}) and its tickets and scores in one call to each service
	 * ({@link SupportSignals#ofAll}) rather than calls per organisation, and the page's figures stored in one write
	 * ({@link #storeAll}); one failing does not stop the rest. Logs how many and how long (the figure the benchmark
	 * of 100,000 organisations reads), and answers how many.
	 */
	public int recomputeAll() {
		long started = System.nanoTime();
		int done = 0;
		int failed = 0;
		GrowthSettings rules = settings.current();
		List<Organisation> page;
		String after = null;
		do {
			page = pageAfter(after);
			if (page.isEmpty()) {
				break;
			}
			after = page.get(page.size() - 1).id();
			Map<String, List<ReorderRules.Line>> lines = linesOfRange(page.get(0).id(), after);
			List<String> ids = page.stream().map(Organisation::id).toList();
			Map<String, SupportFacts> facts = support.ofAll(ids);
			Map<String, List<Instant>> mailed = reminders.mailed(ids);
			Instant now = clock.instant();
			Map<Organisation, CustomerGrowth> computed = new LinkedHashMap<>();
			for (Organisation organisation : page) {
				try {
					computed.put(organisation, figures(organisation,
							lines == null ? null : lines.getOrDefault(organisation.id(), List.of()),
							facts.getOrDefault(organisation.id(), SupportFacts.UNKNOWN),
							mailed.getOrDefault(organisation.id(), List.of()), rules, now));
				}
				catch (RuntimeException ex) {
					failed++;
					log.warn("Could not recompute the growth figures of {}", organisation.id(), ex);
				}
			}
			Set<String> stored = storeAll(computed.values());
			for (Map.Entry<Organisation, CustomerGrowth> figures : computed.entrySet()) {
				try {
					if (!stored.contains(figures.getKey().id())) {
						throw new IllegalStateException("figures not stored");
					}
					act(figures.getKey(), figures.getValue(), now);
					done++;
				}
				catch (RuntimeException ex) {
					failed++;
					log.warn("Could not recompute the growth figures of {}", figures.getKey().id(), ex);
				}
			}
		}
		while (page.size() == PAGE);
		log.info("Growth recompute: {} organisations in {} ms ({} failed)", done,
				Duration.ofNanos(System.nanoTime() - started).toMillis(), failed);
		return done;
	}

	/**
	 * A page's order lines, asked again once when the first read is not answered (a refusal while a service is
	 * still starting, a deadline under load): {@code null} only when both fail, and then the page keeps its reorders.
	 */
	private Map<String, List<ReorderRules.Line>> linesOfRange(String firstId, String lastId) {
		Map<String, List<ReorderRules.Line>> lines = history.linesOfRange(firstId, lastId);
		if (lines == null) {
			log.info("Orders of the organisations {} to {} not read; asking once more", firstId, lastId);
			lines = history.linesOfRange(firstId, lastId);
		}
		return lines;
	}

	/** The next {@value #PAGE} organisations by id after {@code after} (from the first when {@code null}). */
	private List<Organisation> pageAfter(String after) {
		return organisations.findByIdGreaterThan(after == null ? "" : after, PageRequest.of(0, PAGE, Sort.by("id")));
	}

	/**
	 * Stores a page's figures in one write (one synced commit of the store rather than one an organisation); when
	 * that write fails, one by one, so one bad document costs only its organisation. Answers the ids stored.
	 */
	private Set<String> storeAll(java.util.Collection<CustomerGrowth> figures) {
		if (figures.isEmpty()) {
			return Set.of();
		}
		try {
			BulkOperations write = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, CustomerGrowth.class);
			for (CustomerGrowth one : figures) {
				// "_id": the figures' id property is organisationId, so a query on "id" would match nothing and the
				// upsert would insert a second document under the same _id.
				write.replaceOne(Query.query(Criteria.where("_id").is(one.organisationId())), one,
						FindAndReplaceOptions.options().upsert());
			}
			write.execute();
			return figures.stream().map(CustomerGrowth::organisationId).collect(java.util.stream.Collectors.toSet());
		}
		catch (RuntimeException ex) {
			log.warn("Could not store a page of growth figures in one write; one by one", ex);
			Set<String> stored = new java.util.HashSet<>();
			for (CustomerGrowth one : figures) {
				try {
					growth.save(one);
					stored.add(one.organisationId());
				}
				catch (RuntimeException single) {
					log.warn("Could not store the growth figures of {}", one.organisationId(), single);
				}
			}
			return stored;
		}
	}

	/** One organisation's figures as last computed (zero, not computed, before the first run). Staff only. */
	public CustomerGrowth of(Caller caller, String organisationId) {
		if (!CustomerAccess.isStaff(caller)) {
			throw new AccessDeniedException("Growth figures are for staff");
		}
		if (organisationId == null || organisationId.isBlank() || !organisations.existsById(organisationId)) {
			throw new NotFoundException(Message.of("organisation.not-found", organisationId));
		}
		return growth.findById(organisationId).orElse(CustomerGrowth.of(organisationId, null, null, List.of()));
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
		List<Organisation> page;
		String after = null;
		do {
			page = pageAfter(after);
			if (page.isEmpty()) {
				break;
			}
			after = page.get(page.size() - 1).id();
			Map<String, LifetimeValue> values = new LinkedHashMap<>();
			growth.findAllById(page.stream().map(Organisation::id).toList())
				.forEach(g -> values.put(g.organisationId(), g.value()));
			for (Organisation organisation : page) {
				LifetimeValue value = values.get(organisation.id());
				String key = keyOf(segment, organisation, value);
				rows.put(key, rows.getOrDefault(key, SegmentValue.empty(key)).plus(value));
				total = total.plus(value);
			}
		}
		while (page.size() == PAGE);
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
