package com.rapport.feedback.segment;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * The copy of every organisation's segment ({@value #COLLECTION}: {@code _id} the organisation, {@code tier},
 * {@code industry}, {@code region}, {@code refreshedAt}, and {@code missing} when customer-service knew no such
 * organisation). {@link #of} answers from the copy and asks customer-service only on a miss; {@link #refresh} reads
 * every organisation by keyset pages.
 */
@Service
public class OrganisationSegments {

	private static final Logger log = LoggerFactory.getLogger(OrganisationSegments.class);

	public static final String COLLECTION = "organisation_segments";

	private final MongoTemplate mongo;

	private final SegmentDirectory directory;

	private final Clock clock;

	/** After a look-up that failed, none is tried for this long: answers count as unknown meanwhile, at once. */
	static final long QUIET_NANOS = 30_000_000_000L;

	/** When look-ups may be tried again ({@link System#nanoTime()}); 0: now. */
	private volatile long quietUntil;

	public OrganisationSegments(MongoTemplate mongo, SegmentDirectory directory, Clock clock) {
		this.mongo = mongo;
		this.directory = directory;
		this.clock = clock;
	}

	/**
	 * The organisation's segment: the copy's, else customer-service's (kept in the copy), else — customer-service
	 * down, slow, or not knowing the organisation — {@link Segment#UNKNOWN}. After a look-up that failed none is tried
	 * for 30 s, so a burst of answers while customer-service is down (the demo's year at a start) costs one deadline,
	 * not one each.
	 */
	public Lookup of(String organisationId) {
		Optional<Lookup> kept = kept(organisationId);
		if (kept.isPresent()) {
			return kept.get();
		}
		if (quietUntil != 0 && System.nanoTime() - quietUntil < 0) {
			return new Lookup(Segment.UNKNOWN, true); // customer-service failed a moment ago: not asked again yet
		}
		try {
			Optional<Segment> asked = directory.lookup(organisationId);
			keep(organisationId, asked.orElse(Segment.UNKNOWN), asked.isEmpty());
			return asked.map(segment -> new Lookup(segment, false)).orElse(new Lookup(Segment.UNKNOWN, true));
		}
		catch (RuntimeException ex) {
			log.debug("Segment of {} not known now: {}", organisationId, ex.toString());
			quietUntil = System.nanoTime() + QUIET_NANOS;
			return new Lookup(Segment.UNKNOWN, true);
		}
	}

	/**
	 * A segment and whether it is to be learnt yet: {@code pending} when customer-service could not be asked, or did
	 * not know the organisation when asked (while it loads its demo at a start, or before a partner's organisation
	 * reached it): what is counted so moves to the segment once a refresh learns it. An organisation that is never
	 * learnt stays unknown, asked no more than once.
	 */
	public record Lookup(Segment segment, boolean pending) {
	}

	/** The copy's segment of the organisation, without asking anyone; empty when none is kept. */
	public Optional<Lookup> kept(String organisationId) {
		Document copy = mongo.findById(organisationId, Document.class, COLLECTION);
		if (copy == null) {
			return Optional.empty();
		}
		return Optional.of(Boolean.TRUE.equals(copy.getBoolean("missing")) ? new Lookup(Segment.UNKNOWN, true)
				: new Lookup(Segment.of(copy), false));
	}

	/** Reads every organisation of customer-service, page by page, into the copy; answers how many. */
	public int refresh() {
		int read = 0;
		String token = "";
		do {
			SegmentDirectory.Page page = directory.page(token);
			for (SegmentDirectory.Organisation organisation : page.organisations()) {
				keep(organisation.id(), organisation.segment(), false);
				read++;
			}
			token = page.next() == null ? "" : page.next();
		}
		while (!token.isEmpty());
		return read;
	}

	private void keep(String organisationId, Segment segment, boolean missing) {
		Instant now = clock.instant();
		Update update = new Update().set("tier", segment.tier()).set("industry", segment.industry())
			.set("region", segment.region()).set("refreshedAt", Date.from(now));
		if (missing) {
			update.set("missing", true);
		}
		else {
			update.unset("missing");
		}
		Query query = Query.query(Criteria.where("_id").is(organisationId));
		try {
			mongo.upsert(query, update, COLLECTION);
		}
		catch (DuplicateKeyException ex) {
			mongo.upsert(query, update, COLLECTION); // two first copies at once: the other made it
		}
	}
}
