package com.rapport.support.mongo.store;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;

/** A store served on a loopback port with a driver client, as a service uses it. */
final class EmbeddedStore implements AutoCloseable {

	final StoreBackend backend;

	final MongoServer server;

	final MongoClient client;

	private EmbeddedStore(StoreBackend backend) {
		this.backend = backend;
		this.server = new MongoServer(backend);
		this.server.bind(new InetSocketAddress("127.0.0.1", 0), 1, 16);
		InetSocketAddress address = server.getLocalAddress();
		this.client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
	}

	static EmbeddedStore inMemory() {
		return new EmbeddedStore(new StoreBackend(null, 16, Clock.systemUTC()));
	}

	static EmbeddedStore onFile(Path file) {
		return new EmbeddedStore(new StoreBackend(file, 16, Clock.systemUTC()));
	}

	MongoDatabase database() {
		return client.getDatabase("test");
	}

	@Override
	public void close() {
		client.close();
		server.shutdownNow();
	}
}
