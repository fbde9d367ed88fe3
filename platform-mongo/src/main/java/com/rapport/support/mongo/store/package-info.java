/**
 * The embedded store behind every service when no MongoDB is configured: mongo-java-server's wire protocol and
 * query matcher over an H2 MVStore file, with what the library leaves out made up here. Every write command is
 * committed and synced before its answer (group commit); non-unique, compound, multikey and TTL indexes are kept in
 * the MVStore and used by a small query planner (with {@code explain}); see platform-mongo's README.
 */
package com.rapport.support.mongo.store;
