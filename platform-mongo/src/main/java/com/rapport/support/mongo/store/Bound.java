package com.rapport.support.mongo.store;

import java.io.Serializable;

/**
 * The two ends of an index: {@link #MIN} sorts before and {@link #MAX} after every value, whatever the key's
 * direction. They only ever appear in the bounds of a scan, never in a stored key.
 */
enum Bound implements Serializable {

	MIN, MAX
}
