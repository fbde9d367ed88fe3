package com.rapport.support.mongo.store;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * Which index maps hold every document (an index whose build was cut short by a crash is not in it, and is
 * built again from the documents when opened) and which are multikey. Kept in the MVStore beside the indexes,
 * committed with them.
 */
final class IndexCatalog {

	static final String MAP_NAME = "rapport.index-catalog";

	private static final String BUILT = "built";

	private static final String MULTIKEY = "built,multikey";

	private final MVStore store;

	private final MVMap<String, String> states;

	IndexCatalog(MVStore store) {
		this.store = store;
		this.states = store.openMap(MAP_NAME);
	}

	MVStore store() {
		return store;
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
