package com.rapport.support.audit;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.rapport.support.audit.AuditVerification.Finding;
import com.rapport.support.query.PrefixRegex;

import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * The audit trail in the service's own database: collection {@value #ENTRIES}, one document per entry with
 * the sequence number as {@code _id}, and the head document {@value #HEAD}/{@value #HEAD_ID}, which remembers
 * the newest entry's sequence number and hash.
 *
 * <p>Appending reads the head, checks the entry it names and that no later one exists (reads by {@code _id},
 * so the cost does not grow with the trail), and inserts the next number chained to it. Replicas appending at
 * once race for the same number: the unique {@code _id} lets one win, the others follow its entry and retry
 * (no transactions needed, which the embedded store lacks). The head then moves forward only, so a replica that
 * was overtaken never sets it back. Its purpose: removing the newest entries leaves a chain that is intact in
 * itself, but shorter than the head says. A crash between insert and head update leaves the head behind the
 * newest entry; verification accepts that, as long as the head matches the entry it names.
 *
 * <p>The chain shows changes made to the store behind the services' backs; someone who can rewrite every
 * entry, and the head, can rewrite the chain too. Keep the database's own access log for that.
 */
public class MongoAuditTrail implements AuditTrail {

	private static final Logger log = LoggerFactory.getLogger(MongoAuditTrail.class);

	static final String ENTRIES = "audit_trail";

	static final String HEAD = "audit_head";

	static final String HEAD_ID = "head";

	/** Each lost race means another replica appended; this many in a row is a store in trouble. */
	static final int APPEND_ATTEMPTS = 20;

	private final MongoTemplate mongo;

	private final Clock clock;

	public MongoAuditTrail(MongoTemplate mongo, Clock clock) {
		this.mongo = mongo;
		this.clock = clock;
	}

	/**
	 * Indexes for the console's filters, both stores use them once the trail is long: who, organisation and record
	 * are equalities read newest first from their index; the action's prefix and the days are ranges on theirs
	 * (the page, at most {@value AuditQuery#MAX_PAGE_SIZE} + 1 entries, is then sorted by number); with no filter,
	 * the newest entries are read from {@code _id}.
	 */
	public void createIndexes() {
		var indexes = mongo.indexOps(ENTRIES);
		indexes.createIndex(new Index().on("organisationId", Sort.Direction.ASC).on("_id", Sort.Direction.DESC));
		indexes.createIndex(new Index().on("recordType", Sort.Direction.ASC).on("recordId", Sort.Direction.ASC)
			.on("_id", Sort.Direction.DESC));
		indexes.createIndex(new Index().on("actor", Sort.Direction.ASC).on("_id", Sort.Direction.DESC));
		indexes.createIndex(new Index().on("action", Sort.Direction.ASC).on("_id", Sort.Direction.DESC));
		indexes.createIndex(new Index().on("at", Sort.Direction.DESC));
	}

	@Override
	public void record(AuditEvent event) {
		append(event);
	}

	/** Stores the event as the next entry of the chain; answers the entry as stored. */
	public AuditEntry append(AuditEvent event) {
		AuditEvent stamped = event.at() != null ? event : event.stampedAt(clock.instant());
		Link newest = newestLink();
		for (int attempt = 1;; attempt++) {
			newest = following(newest);
			AuditEntry entry = AuditEntry.chained(newest.sequence() + 1, stamped, newest.hash());
			try {
				mongo.insert(toDocument(entry), ENTRIES);
			}
			catch (DuplicateKeyException ex) {
				if (attempt >= APPEND_ATTEMPTS) {
					throw new IllegalStateException("Could not append to the audit trail in " + APPEND_ATTEMPTS
							+ " attempts; other writers kept winning", ex);
				}
				// Another replica stored this number meanwhile: the next attempt follows its entry.
				backOff(attempt);
				continue;
			}
			advanceHead(entry);
			return entry;
		}
	}

	/** The sequence number and hash of an entry, which the next one links to; number 0 before the first. */
	private record Link(long sequence, String hash) {

		static final Link START = new Link(0, "");
	}

	/**
	 * The newest entry as the head names it: reads by {@code _id} alone, whatever the length of the trail. A
	 * head naming an entry that is gone (the newest entries were removed) is trusted, so that the next entry
	 * follows it and the removal stays visible to verification as missing entries. Without a head (the first
	 * entry, a store written before the head existed, a removed head) or with one that does not match the entry
	 * it names, the newest entry is looked up in the trail, sorted by number.
	 */
	private Link newestLink() {
		Document head = mongo.findById(HEAD_ID, Document.class, HEAD);
		if (head != null && head.get("sequence") instanceof Number sequence && head.get("hash") instanceof String hash) {
			Document named = mongo.findById(sequence.longValue(), Document.class, ENTRIES);
			if (named == null || hash.equals(named.getString("hash"))) {
				return new Link(sequence.longValue(), hash);
			}
		}
		Document newest = mongo.findOne(new Query().with(Sort.by(Sort.Direction.DESC, "_id")).limit(1),
				Document.class, ENTRIES);
		return newest == null ? Link.START
				: new Link(sequenceOf(newest), newest.get("hash") instanceof String hash ? hash : "");
	}

	/**
	 * The newest entry from {@code link} on: entries stored after it by replicas that stopped before moving the
	 * head, or that won a race, are followed by number. Usually one read that finds nothing.
	 */
	private Link following(Link link) {
		Link newest = link;
		Document next;
		while ((next = mongo.findById(newest.sequence() + 1, Document.class, ENTRIES)) != null) {
			// A hash that is not text was written by hand; verification names that entry.
			newest = new Link(newest.sequence() + 1, next.get("hash") instanceof String hash ? hash : "");
		}
		return newest;
	}

	/** Entries matching the query, newest first. */
	public AuditPage list(AuditQuery query) {
		List<Criteria> filters = new ArrayList<>();
		equal(filters, "actor", query.actor());
		equal(filters, "recordType", query.recordType());
		equal(filters, "recordId", query.recordId());
		equal(filters, "organisationId", query.organisationId());
		if (query.actionPrefix() != null && !query.actionPrefix().isEmpty()) {
			filters.add(Criteria.where("action").regex(PrefixRegex.of(query.actionPrefix())));
		}
		if (query.from() != null || query.to() != null) {
			Criteria at = Criteria.where("at");
			if (query.from() != null) {
				at = at.gte(Date.from(query.from()));
			}
			if (query.to() != null) {
				at = at.lt(Date.from(query.to()));
			}
			filters.add(at);
		}
		if (query.before() != null) {
			filters.add(Criteria.where("_id").lt(query.before()));
		}
		Query find = filters.isEmpty() ? new Query() : new Query(new Criteria().andOperator(filters));
		// One more than asked: whether there is a next page, without counting.
		List<AuditEntry> found = mongo.find(find.with(Sort.by(Sort.Direction.DESC, "_id")).limit(query.pageSize() + 1),
				Document.class, ENTRIES).stream().map(MongoAuditTrail::fromDocument).toList();
		if (found.size() <= query.pageSize()) {
			return new AuditPage(found, OptionalLong.empty());
		}
		List<AuditEntry> page = found.subList(0, query.pageSize());
		return new AuditPage(page, OptionalLong.of(page.get(page.size() - 1).sequence()));
	}

	/**
	 * Checks the whole chain, oldest first, one entry at a time (the trail may be long): every number from 1
	 * without a gap, every hash matching its entry, every entry linking to the one before, and the head. Stops
	 * at the first fault.
	 */
	public AuditVerification verify() {
		// The head first: every entry it names was stored before it, so the entries read next include it.
		Document head = mongo.findOne(Query.query(Criteria.where("_id").is(HEAD_ID)), Document.class, HEAD);
		if (head != null && !(head.get("sequence") instanceof Number)) {
			return AuditVerification.broken(0, 0, Finding.HEAD_MISSING, "the head of the trail was changed");
		}
		long headSequence = head == null ? 0 : ((Number) head.get("sequence")).longValue();
		long expected = 1;
		String previousHash = "";
		try (Stream<Document> documents = mongo.stream(new Query().with(Sort.by(Sort.Direction.ASC, "_id")),
				Document.class, ENTRIES)) {
			var iterator = documents.iterator();
			while (iterator.hasNext()) {
				AuditEntry entry;
				try {
					entry = fromDocument(iterator.next());
				}
				catch (RuntimeException ex) {
					// A field of the wrong type or shape: someone wrote it by hand.
					return changed(expected, expected, "entry " + expected + " was changed");
				}
				long sequence = entry.sequence();
				if (sequence != expected) {
					return AuditVerification.broken(expected, expected, Finding.ENTRY_MISSING,
							sequence == expected + 1 ? "entry " + expected + " is missing"
									: "entries " + expected + " to " + (sequence - 1) + " are missing");
				}
				if (!entry.sealed()) {
					return changed(expected, sequence, "entry " + sequence + " was changed");
				}
				if (!entry.previousHash().equals(previousHash)) {
					// Sealed itself, so the entry before was rewritten (with a new hash) or replaced.
					return sequence == 1 ? changed(expected, 1, "entry 1 was changed")
							: changed(expected, sequence - 1, "entry " + (sequence - 1) + " was changed (entry "
									+ sequence + " no longer links to it)");
				}
				if (sequence == headSequence && !entry.hash().equals(head.getString("hash"))) {
					return changed(expected, sequence, "entry " + sequence + " was changed (the head remembers another one)");
				}
				previousHash = entry.hash();
				expected++;
			}
		}
		long newest = expected - 1;
		if (headSequence > newest) {
			return AuditVerification.broken(newest, newest + 1, Finding.NEWEST_REMOVED,
					newest == 0 ? "all " + headSequence + " entries were removed"
							: "the newest entries after " + newest + " were removed");
		}
		if (head == null && newest > 1) {
			return AuditVerification.broken(newest, 0, Finding.HEAD_MISSING, "the head of the trail is missing");
		}
		return AuditVerification.intact(newest);
	}

	private static AuditVerification changed(long checked, long sequence, String reason) {
		return AuditVerification.broken(checked, sequence, Finding.ENTRY_CHANGED, reason);
	}

	/** Moves the head to this entry unless it names a later one already (a replica that overtook this one). */
	private void advanceHead(AuditEntry entry) {
		Query behind = Query.query(Criteria.where("_id").is(HEAD_ID).and("sequence").lt(entry.sequence()));
		try {
			mongo.upsert(behind, new Update().set("sequence", entry.sequence()).set("hash", entry.hash()), HEAD);
		}
		catch (DuplicateKeyException ex) {
			// The head exists and names a later entry: nothing to do.
		}
		catch (DataAccessException ex) {
			// The entry is stored; a head left behind is what verification accepts (see the class comment).
			log.warn("Audit entry {} stored, but the head could not follow it", entry.sequence(), ex);
		}
	}

	/** A short random pause, longer with each lost race, so that racing replicas fall out of step. */
	private static void backOff(int attempt) {
		try {
			Thread.sleep(ThreadLocalRandom.current().nextLong(1, 2L * attempt + 2));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while appending to the audit trail", ex);
		}
	}

	private static void equal(List<Criteria> filters, String field, String value) {
		if (value != null && !value.isEmpty()) {
			filters.add(Criteria.where(field).is(value));
		}
	}

	private static long sequenceOf(Document document) {
		return ((Number) document.get("_id")).longValue();
	}

	private static String required(Document document, String key) {
		String value = document.getString(key);
		if (value == null) {
			throw new IllegalStateException("Audit entry " + document.get("_id") + " has no " + key);
		}
		return value;
	}

	static Document toDocument(AuditEntry entry) {
		AuditEvent event = entry.event();
		return new Document("_id", entry.sequence()).append("at", Date.from(event.at()))
			.append("actor", event.actor()).append("actorRoles", event.actorRoles()).append("client", event.client())
			.append("address", event.address()).append("action", event.action())
			.append("recordType", event.recordType()).append("recordId", event.recordId())
			.append("organisationId", event.organisationId())
			.append("details", new Document(new LinkedHashMap<>(event.details())))
			.append("previousHash", entry.previousHash()).append("hash", entry.hash());
	}

	static AuditEntry fromDocument(Document document) {
		Document details = document.get("details", Document.class);
		Map<String, String> detailValues = new LinkedHashMap<>();
		if (details != null) {
			details.forEach((key, value) -> detailValues.put(key, (String) value));
		}
		AuditEvent event = new AuditEvent(document.getString("actor"), document.getList("actorRoles", String.class),
				document.getString("client"), document.getString("address"), document.getDate("at").toInstant(),
				document.getString("action"), document.getString("recordType"), document.getString("recordId"),
				document.getString("organisationId"), detailValues);
		return new AuditEntry(sequenceOf(document), event, required(document, "previousHash"),
				required(document, "hash"));
	}
}
