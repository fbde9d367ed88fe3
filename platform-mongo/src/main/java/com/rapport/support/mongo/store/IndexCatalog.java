package com.rapport.support.mongo.store;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * Which index maps hold every document (an index whose build was cut short by a crash is not in it, and is
 * built again from the documents when opened) and which are multikey. Kept in the MVStore beside the indexes,
 * committed with them. An index built on a large collection has its pages written out every
 * {@link #CHECKPOINT_EVERY} entries: held until one commit at the end, a million orders' index took more than
 * the 256 MB heap to write.
 */
final class IndexCatalog {

	static final String MAP_NAME = "rapport.index-catalog";

	private static final String BUILT = "built";

	private static final String MULTIKEY = "built,multikey";

	private final MVStore store;

	static final int CHECKPOINT_EVERY = 20_000;

	private final MVMap<String, String> states;

	private final java.util.concurrent.atomic.AtomicLong built = new java.util.concurrent.atomic.AtomicLong();

	private volatile Runnable checkpoint = () -> {
	};

	IndexCatalog(MVStore store) {
		this.store = store;
		this.states = store.openMap(MAP_NAME);
	}

	MVStore store() {
		return store;
	}

	/** What writes out the unsaved pages during a build (a commit that never splits a write). */
	void checkpointWith(Runnable checkpoint) {
		this.checkpoint = checkpoint;
	}

	void buildProgressed() {
		if (built.incrementAndGet() % CHECKPOINT_EVERY == 0) {
			checkpoint.run();
		}
	}

	boolean isBuilt(String mapName) {
		return states.containsKey(mapName);
	}

	boolean isMultikey(String mapName) {
		return MULTIKEY.equals(states.get(mapName));
	}

	void markBuilt(String mapName, boolean multikey) {
		states.put(mapName, multikey ? MULTIKEY : BUILT);
	}

	void markMultikey(String mapName) {
		if (!MULTIKEY.equals(states.get(mapName))) {
			states.put(mapName, MULTIKEY);
		}
	}

	void forget(String mapName) {
		states.remove(mapName);
	}
}
