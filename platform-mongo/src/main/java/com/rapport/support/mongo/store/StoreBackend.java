package com.rapport.support.mongo.store;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.AbstractMongoBackend;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded store: mongo-java-server's wire protocol and query language over one MVStore file (or memory),
 * in the H2 backend's file layout. A write command is answered only once it is committed and synced
 * ({@link GroupCommit}); indexes are real ({@link StoreDatabase}).
 */
public final class StoreBackend extends AbstractMongoBackend {

	private static final Logger log = LoggerFactory.getLogger(StoreBackend.class);

	/** Commands that change data: answered only once durable. */
	private static final Set<String> WRITES = Set.of("insert", "update", "delete", "findandmodify", "create",
			"createindexes", "drop", "dropdatabase", "dropindexes", "renamecollection", "collmod");

	private final MVStore store;

	private final IndexCatalog catalog;

	private final GroupCommit groupCommit;

	private final Path file;

	/**
	 * @param file the store's file, or null to keep everything in memory
	 * @param cacheSizeMb the MVStore's page cache
	 */
	public StoreBackend(Path file, int cacheSizeMb, Clock clock) {
		super(clock);
		this.file = file;
		MVStore.Builder builder = new MVStore.Builder().autoCommitDisabled().autoCommitBufferSize(0)
			.cacheSize(cacheSizeMb);
		if (file != null) {
			builder.fileName(file.toString());
		}
		this.store = builder.open();
		this.catalog = new IndexCatalog(store);
		this.groupCommit = new GroupCommit(store);
		store.getMapNames().stream()
			.filter(name -> name.startsWith(StoreDatabase.DOCUMENTS_PREFIX) || name.startsWith(StoreDatabase.DATABASES_PREFIX))
			.map(name -> Utils.firstFragment(name.substring(name.indexOf('.') + 1)))
			.distinct()
			.toList()
			.forEach(database -> {
				log.info("Opening database '{}' of the embedded store", database);
				resolveDatabase(database);
			});
		groupCommit.commitNow();
	}

	@Override
	protected MongoDatabase openOrCreateDatabase(String databaseName) {
		return new StoreDatabase(databaseName, store, getCursorRegistry(), catalog);
	}

	@Override
	public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
		if (!WRITES.contains(command.toLowerCase(Locale.ROOT))) {
			return super.handleCommand(channel, databaseName, command, query);
		}
		GroupCommit.Ticketed<Document> answer;
		try {
			answer = groupCommit.write(() -> super.handleCommand(channel, databaseName, command, query));
		}
		catch (RuntimeException ex) {
			groupCommit.awaitDurable(groupCommit.writes());
			throw ex;
		}
		if (!asksNoJournal(query)) {
			groupCommit.awaitDurable(answer.ticket());
		}
		return answer.result();
	}

	/**
	 * A write that says {@code j: false} (or {@code w: 0}) in its write concern does not wait for a sync, as MongoDB
	 * acknowledges it before its journal has it: it reaches the disk with the next commit, and a crash before that
	 * may lose it. For what may be lost, such as request counters.
	 */
	private static boolean asksNoJournal(Document command) {
		return command.get("writeConcern") instanceof Document concern
				&& (Boolean.FALSE.equals(concern.get("j")) || concern.get("w") instanceof Number w && w.intValue() == 0);
	}

	/** Removes expired documents of every TTL index; the number removed. */
	public int expireDocuments(Instant now) {
		int removed = 0;
		for (String name : listDatabaseNames()) {
			if (resolveDatabase(name) instanceof StoreDatabase database) {
				GroupCommit.Ticketed<Integer> result = groupCommit.write(() -> database.expire(now));
				removed += result.result();
				if (result.result() > 0) {
					groupCommit.awaitDurable(result.ticket());
				}
			}
		}
		return removed;
	}

	/**
	 * Rewrites the file's sparsest chunks into new ones, so that it does not grow without end under many small
	 * commits (the MVStore's background thread, which would do it, is off: see {@link GroupCommit}).
	 */
	public void compact() {
		if (file != null && !store.isClosed()) {
			groupCommit.exclusively(() -> store.compact(50, 16 * 1024 * 1024));
		}
	}

	/** Group commits so far: one commit and one sync each. */
	public long commits() {
		return groupCommit.commits();
	}

	@Override
	public void close() {
		super.close();
		if (!store.isClosed()) {
			groupCommit.commitNow();
			store.close();
		}
	}

	@Override
	public String toString() {
		return "StoreBackend[" + (file == null ? "in memory" : file) + "]";
	}
}
