package com.rapport.customer.figures;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.rapport.customer.organisation.LifecycleStage;
import com.rapport.customer.organisation.Organisation;
import com.rapport.customer.organisation.OrganisationRepository;
import com.rapport.customer.timeline.Interaction;
import com.rapport.customer.timeline.InteractionKind;
import com.rapport.customer.timeline.InteractionRecorded;
import com.rapport.customer.timeline.TimelineService;
import com.rapport.support.migration.OnceAtStart;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The lifecycle changes month by month and segment by segment ({@value #MONTHS}: one document per UTC month and
 * segment, {@code _id} {@code month|tier|industry|region}, counters {@code dormant}, {@code churned}, {@code won},
 * {@code returned}, {@code joined}, {@code left}), kept as stages change: every {@code LIFECYCLE_CHANGED} the timeline
 * records for the first time counts once in the month it happened and in the segment its organisation has right
 * after the change (the tiering saves the organisation before it records the change). Each change counted is noted in
 * {@value #CHANGES} by its timeline key, so the live count and the backfill of older changes (once at start, each
 * organisation's changes read on the timeline's index) never count one twice, whatever the replicas.
 */
@Component
public class LifecycleMonths {

	private static final Logger log = LoggerFactory.getLogger(LifecycleMonths.class);

	public static final String MONTHS = "lifecycle_months";

	static final String CHANGES = "lifecycle_changes";

	static final String BACKFILL = "lifecycle-months-backfill";

	private static final int PAGE = 200;

	private static final Set<LifecycleStage> RETAINED = Set.of(LifecycleStage.FIRST_PURCHASE, LifecycleStage.REPEAT,
			LifecycleStage.LOYAL, LifecycleStage.DORMANT);

	private static final Set<LifecycleStage> ACTIVE = Set.of(LifecycleStage.FIRST_PURCHASE, LifecycleStage.REPEAT,
			LifecycleStage.LOYAL);

	private final MongoTemplate mongo;

	private final OrganisationRepository organisations;

	private final TimelineService timeline;

	private final Clock clock;

	LifecycleMonths(MongoTemplate mongo, OrganisationRepository organisations, TimelineService timeline, Clock clock) {
		this.mongo = mongo;
		this.organisations = organisations;
		this.timeline = timeline;
		this.clock = clock;
	}

	/** One month's changes in one segment. */
	record Changes(String month, Segment segment, long dormant, long churned, long won, long returned, long joined,
			long left) {

		static Changes none(String month) {
			return new Changes(month, Segment.ANY, 0, 0, 0, 0, 0, 0);
		}

		Changes add(Changes other) {
			return new Changes(month, segment, dormant + other.dormant, churned + other.churned, won + other.won,
					returned + other.returned, joined + other.joined, left + other.left);
		}

		static Changes of(Document stored) {
			return new Changes(stored.getString("month"), new Segment(stored.getString("tier"),
					stored.getString("industry"), stored.getString("region")), number(stored, "dormant"),
					number(stored, "churned"), number(stored, "won"), number(stored, "returned"),
					number(stored, "joined"), number(stored, "left"));
		}

		private static long number(Document stored, String field) {
			return stored.get(field) instanceof Number n ? n.longValue() : 0;
		}
	}

	/** The month index the periods are read by (a no-op when it is there), then the backfill, once, off the start. */
	@EventListener(ApplicationReadyEvent.class)
	void start() {
		index(mongo);
		Thread backfill = new Thread(() -> OnceAtStart.run(mongo, clock, BACKFILL, log,
				"lifecycle changes recorded before the monthly roll-ups", this::backfill), "lifecycle-months-backfill");
		backfill.setDaemon(true);
		backfill.start();
	}

	/** The index the periods are read by. */
	public static void index(MongoTemplate mongo) {
		mongo.indexOps(MONTHS).createIndex(new Index().on("month", Sort.Direction.ASC).named("month"));
	}

	/** The read of a period's roll-ups: every month from {@code from} on, every segment. */
	public static Query since(String from) {
		return Query.query(Criteria.where("month").gte(from));
	}

	@EventListener
	void onInteractionRecorded(InteractionRecorded event) {
		Interaction change = event.interaction();
		if (change.kind() != InteractionKind.LIFECYCLE_CHANGED) {
			return;
		}
		try {
			organisations.findById(change.organisationId()).ifPresent(o -> count(change, Segment.of(o)));
		}
		catch (RuntimeException ex) {
			// The stage is saved and on the timeline; only the month's count misses it.
			log.warn("Lifecycle change {} not counted in its month: {}", change.eventId(), ex.toString());
		}
	}

	/**
	 * Counts every organisation's lifecycle changes not counted yet, each in its organisation's segment now (the one
	 * it had then is not known); answers how many.
	 */
	int backfill() {
		int counted = 0;
		String after = "";
		List<Organisation> page;
		do {
			page = organisations.findByIdGreaterThan(after, PageRequest.of(0, PAGE, Sort.by("id")));
			for (Organisation organisation : page) {
				Segment segment = Segment.of(organisation);
				for (Interaction change : timeline.ofKindSince(organisation.id(), InteractionKind.LIFECYCLE_CHANGED,
						Instant.EPOCH)) {
					counted += count(change, segment) ? 1 : 0;
				}
				after = organisation.id();
			}
		}
		while (page.size() == PAGE);
		return counted;
	}

	/** Counts one change in its month and the segment given, unless it was counted; answers whether it counted now. */
	boolean count(Interaction change, Segment segment) {
		LifecycleStage from = stage(change.attributes(), "from");
		LifecycleStage to = stage(change.attributes(), "to");
		if (from == null || to == null || from == to) {
			return false;
		}
		String month = YearMonth.from(change.occurredAt().atZone(ZoneOffset.UTC)).toString();
		try {
			mongo.insert(new Document("_id", change.source() + ":" + change.eventId()).append("month", month)
				.append("from", from.name()).append("to", to.name()), CHANGES);
		}
		catch (DuplicateKeyException ex) {
			return false;
		}
		Update counters = new Update().setOnInsert("month", month).setOnInsert("tier", segment.tier())
			.setOnInsert("industry", segment.industry()).setOnInsert("region", segment.region())
			.inc("dormant", to == LifecycleStage.DORMANT ? 1L : 0L)
			.inc("churned", to == LifecycleStage.CHURNED ? 1L : 0L)
			.inc("won", from == LifecycleStage.PROSPECT && RETAINED.contains(to) ? 1L : 0L)
			.inc("returned", !ACTIVE.contains(from) && from != LifecycleStage.PROSPECT && ACTIVE.contains(to) ? 1L : 0L)
			.inc("joined", !RETAINED.contains(from) && RETAINED.contains(to) ? 1L : 0L)
			.inc("left", RETAINED.contains(from) && !RETAINED.contains(to) ? 1L : 0L);
		String id = String.join("|", month, segment.tier(), segment.industry(), segment.region());
		mongo.upsert(Query.query(Criteria.where("_id").is(id)), counters, MONTHS);
		return true;
	}

	/** Every month's changes from {@code from} (inclusive) on, in every segment (the month index). */
	List<Changes> since(YearMonth from) {
		List<Changes> all = new ArrayList<>();
		mongo.find(since(from.toString()), Document.class, MONTHS)
			.forEach(stored -> all.add(Changes.of(stored)));
		return all;
	}

	private static LifecycleStage stage(Map<String, String> attributes, String key) {
		String value = attributes == null ? null : attributes.get(key);
		try {
			return value == null ? null : LifecycleStage.valueOf(value);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}
}
