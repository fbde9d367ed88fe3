package com.rapport.benchmarks.orders;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.rapport.support.mongo.store.StoreBackend;
import de.bwaldvogel.mongo.MongoServer;
import org.bson.Document;

/**
 * A service's embedded store file opened in this process through the store the service itself uses
 * (platform-mongo's {@link StoreBackend}, as its {@code EmbeddedMongoAutoConfiguration} opens it: every write
 * synced before it is answered, the indexes kept), served on a loopback port and spoken to with the MongoDB
 * driver, exactly as the service speaks to it. Only while the service is stopped: the file is locked by whoever
 * has it open. The growth scenario opens two at once (customer-service's and order-tracking-service's).
 */
public final class EmbeddedStore implements AutoCloseable {

	private final StoreBackend backend;

	/** The page cache of a service with a heap of 512 MB or more ({@code rapport.mongodb.embedded.cache-size-mb}). */
	private static final int CACHE_SIZE_MB = 128;

	private final MongoServer server;

	private final MongoClient client;

	private EmbeddedStore(StoreBackend backend, MongoServer server, MongoClient client) {
		this.backend = backend;
		this.server = server;
		this.client = client;
	}

	/** Opens {@code file} ({@code <data dir>/<service>/mongo.mv}), which must exist: the service made it. */
	public static EmbeddedStore open(Path file) {
		if (!Files.isRegularFile(file)) {
			throw new IllegalStateException("no embedded store at " + file + ": start the platform once with this "
					+ "RAPPORT_DATA_DIR so that the service makes it");
		}
		StoreBackend backend = new StoreBackend(file, CACHE_SIZE_MB, Clock.systemUTC());
		MongoServer server = new MongoServer(backend);
		server.bind("127.0.0.1", 0);
		InetSocketAddress address = server.getLocalAddress();
		MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort());
		return new EmbeddedStore(backend, server, client);
	}

	/** Rewrites the file's sparsest chunks, as the service's sweeper does ({@link StoreBackend#compact()}). */
	public void compact() {
		backend.compact();
	}

	/**
	 * The database holding the collection {@code name}, for a collection the service does not have yet (the feedback
	 * scenario's seeding mark).
	 */
	public MongoDatabase databaseOf(String name) {
		return client.getDatabase(collection(name).getNamespace().getDatabaseName());
	}

	/** The collection {@code name} of whichever database holds one (a service keeps one database). */
	public MongoCollection<Document> collection(String name) {
		for (String database : client.listDatabaseNames()) {
			MongoDatabase db = client.getDatabase(database);
			for (String collection : db.listCollectionNames()) {
				if (collection.equals(name)) {
					return db.getCollection(name);
				}
			}
		}
		throw new IllegalStateException("no collection '" + name + "' in the store");
	}

	@Override
	public void close() {
		client.close();
		server.shutdownNow();
		backend.close();
	}
}
