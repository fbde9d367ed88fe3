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
import org.h2.mvstore.RandomAccessStore;
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

	private static final int TARGET_FILL_RATE = 50;

	private static final int MIN_REWRITE = 1024 * 1024;

	/** Below this share of the file in use by chunks, chunks are moved to its start and the file is cut. */
	private static final int TARGET_FILE_FILL_RATE = 60;

	/**
	 * A round reads the pages it rewrites into the heap: 64 MB, or a sixteenth of the heap when that is less (with
	 * 64 MB, a service in a 256 MB heap ran out of memory compacting a file of a million orders).
	 */
	private static final int MAX_REWRITE = (int) Math.min(64L * 1024 * 1024, Runtime.getRuntime().maxMemory() / 16);

	private final MVStore store;

	private final IndexCatalog catalog;

	private final GroupCommit groupCommit;

	private final Path file;

	private volatile long writtenAtLastCompaction;

	private volatile int idleRounds;

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
		// MVStore keeps a chunk no longer used for 45 s by default, in case the disk has not yet written what
		// replaced it; every commit here is synced before it is answered, so a dead chunk is free at once. At 45 s
		// a bulk load kept hundreds of megabytes of dead chunks in the file at any moment.
		store.setRetentionTime(0);
		this.catalog = new IndexCatalog(store);
		this.groupCommit = new GroupCommit(store);
		catalog.checkpointWith(groupCommit::checkpoint);
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
		if (command.equalsIgnoreCase("createIndexes")) {
			// Outside the writers' side of the lock, so that a long build can write out its pages as it goes
			// (a commit waits for no write to be half done); an index is used only once it holds every document.
			try {
				return super.handleCommand(channel, databaseName, command, query);
			}
			finally {
				groupCommit.commitNow();
			}
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
	 * Keeps the file from growing without end under many small commits, and gives back the space of what was
	 * deleted or rewritten. Every commit writes the pages it changed into a new chunk, and leaves a few live pages
	 * behind in older chunks (a leaf of an index that no later write touched), which can then be neither dropped nor
	 * reused: left alone, a store seeded with 50,000 organisations held 8 GB of chunks only 4% live, and a million
	 * orders after their indexes were built held 18 GB of chunks 19% live, so that reading one organisation's newest
	 * orders went to the disk for pages no cache could keep. A round does two things:
	 * <ul>
	 * <li>while less than {@value #TARGET_FILL_RATE}% of the chunks is live, it rewrites the live pages of the
	 * sparsest chunks, so that the chunks it empties are dropped and their space reused: a quarter as many bytes as
	 * were written since the round before (at least {@value #MIN_REWRITE}; twice as many after a round that found no
	 * chunk within its budget), and the most a round may ({@link #MAX_REWRITE}) while nobody writes, since idle time
	 * costs nobody anything (the store above: 140 s of rounds);</li>
	 * <li>once the chunks are dense, while less than {@value #TARGET_FILE_FILL_RATE}% of the file is in use, it moves
	 * up to {@link #MAX_REWRITE} of the chunks at the end of the file into the free space before them, and the file
	 * is cut after its last chunk (the store above: 18 GB to 2.6 GB).</li>
	 * </ul>
	 * It runs beside writers, as one more write (the commit after it waits for it). Call it every few seconds (the
	 * sweeper does).
	 *
	 * @return whether chunks were rewritten or moved
	 */
	public boolean compact() {
		if (file == null || store.isClosed()) {
			return false;
		}
		long written = writtenBytes();
		long since = written - writtenAtLastCompaction;
		boolean moved;
		if (store.getFileStore().getChunksFillRate() >= TARGET_FILL_RATE) {
			moved = store.getFileStore().getFillRate() < TARGET_FILE_FILL_RATE && moveChunks();
			writtenAtLastCompaction = writtenBytes();
			return moved;
		}
		// a chunk with more live bytes than the budget is never chosen: a round that found nothing doubles the next
		int budget = since < MIN_REWRITE ? MAX_REWRITE
				: (int) Math.min(MAX_REWRITE, Math.max(MIN_REWRITE, since / 4) << Math.min(idleRounds, 6));
		// Like a write: writers go on meanwhile, and the commit that makes the rewritten pages durable waits for it.
		GroupCommit.Ticketed<Boolean> round = groupCommit.write(() -> store.compact(TARGET_FILL_RATE, budget));
		groupCommit.awaitDurable(round.ticket());
		idleRounds = round.result() ? 0 : idleRounds + 1;
		// what the round itself wrote is not new work for the next one
		writtenAtLastCompaction = writtenBytes();
		return round.result();
	}

	/**
	 * Moves chunks from the end of the file into free space before them (MVStore syncs the file before it
	 * overwrites a chunk's old place and before it cuts the file), then cuts the file after its last chunk.
	 */
	private boolean moveChunks() {
		if (!(store.getFileStore() instanceof RandomAccessStore fileStore)) {
			return false;
		}
		long before = fileStore.size();
		long writtenBefore = writtenBytes();
		GroupCommit.Ticketed<Boolean> round = groupCommit.write(() -> {
			fileStore.compactMoveChunks(TARGET_FILE_FILL_RATE, MAX_REWRITE, store);
			return true;
		});
		groupCommit.awaitDurable(round.ticket());
		long after = fileStore.size();
		if (after < before) {
			log.debug("Embedded store file cut from {} to {} bytes", before, after);
		}
		// a chunk moved towards the start cuts the file only once the chunks after it have moved too
		return after < before || writtenBytes() > writtenBefore;
	}

	/** What the file looks like: its size, the share of its chunks still live, the bytes written since opened. */
	public FileFigures fileFigures() {
		if (file == null || store.isClosed()) {
			return new FileFigures(0, 100, 0);
		}
		return new FileFigures(store.getFileStore().size(), store.getFileStore().getChunksFillRate(), writtenBytes());
	}

	/**
	 * @param size the file's size in bytes
	 * @param chunksFillRate how much of the chunks' bytes are live, in percent
	 * @param writtenBytes bytes written to the file since it was opened
	 */
	public record FileFigures(long size, int chunksFillRate, long writtenBytes) {
	}

	private long writtenBytes() {
		long[] bytes = new long[1];
		store.getFileStore().populateInfo((key, value) -> {
			if ("info.FILE_WRITE_BYTES".equals(key)) {
				bytes[0] = Long.parseLong(value);
			}
		});
		return bytes[0];
	}

	/** Group commits so far: one commit and one sync each. */
	public long commits() {
		return groupCommit.commits();
	}

	/** Commits of a long change's pages so far (an index build), beside {@link #commits()}. */
	long checkpoints() {
		return groupCommit.checkpoints();
	}

	/** Reads from the file so far (pages not in the cache). */
	long fileReads() {
		return store.getFileStore() == null ? 0 : store.getFileStore().getReadCount();
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
