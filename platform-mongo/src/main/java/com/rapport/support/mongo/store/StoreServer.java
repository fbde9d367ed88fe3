package com.rapport.support.mongo.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledExecutorService;

import de.bwaldvogel.mongo.MongoServer;

/**
 * The embedded store as a process of its own, so that two instances of a service share one store through
 * {@code MONGODB_URI} the way replicas share a MongoDB (the two-replica tests): the same {@link StoreBackend} (every
 * write synced before it is answered, real indexes), its TTL sweep and compaction, on a loopback port. Every service
 * jar holds it, so any of them starts it:
 * <pre>
 * java -cp customer-service/target/customer-service.jar -Dloader.main=com.rapport.support.mongo.store.StoreServer \
 *     org.springframework.boot.loader.launch.PropertiesLauncher data/shared/mongo.mv 27117
 * </pre>
 * then {@code MONGODB_URI=mongodb://127.0.0.1:27117/<database>}. Stopping it (SIGTERM, Ctrl-C) closes the store;
 * a {@code kill -9} loses no acknowledged write.
 */
public final class StoreServer implements AutoCloseable {

	static final int CACHE_MB = 128;

	private final StoreBackend store;

	private final MongoServer server;

	private final ScheduledExecutorService maintenance;

	private StoreServer(StoreBackend store, MongoServer server, ScheduledExecutorService maintenance) {
		this.store = store;
		this.server = server;
		this.maintenance = maintenance;
	}

	/** Opens the store in {@code file} (made with its directory when missing) and serves it on {@code port} (0: any). */
	public static StoreServer start(Path file, int port) {
		try {
			Path directory = file.toAbsolutePath().getParent();
			if (directory != null) {
				Files.createDirectories(directory);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot create the directory of " + file, ex);
		}
		StoreBackend store = new StoreBackend(file, CACHE_MB, Clock.systemUTC());
		MongoServer server = new MongoServer(store);
		try {
			server.bind(new InetSocketAddress("127.0.0.1", port), 1, 16);
		}
		catch (RuntimeException ex) {
			store.close();
			throw ex;
		}
		return new StoreServer(store, server,
				StoreMaintenance.start(store, Duration.ofMinutes(1), Duration.ofSeconds(2)));
	}

	public InetSocketAddress address() {
		return server.getLocalAddress();
	}

	/** {@code mongodb://127.0.0.1:<port>/<database>}. */
	public String uri(String database) {
		return "mongodb://" + address().getHostString() + ":" + address().getPort() + "/" + database;
	}

	@Override
	public void close() {
		maintenance.shutdownNow();
		server.shutdownNow();
		store.close();
	}

	/** {@code StoreServer <file> <port>}: serves until stopped. */
	public static void main(String[] args) throws InterruptedException {
		if (args.length != 2) {
			System.err.println("usage: StoreServer <store file, e.g. data/shared/mongo.mv> <port>");
			System.exit(2);
		}
		StoreServer served = start(Path.of(args[0]), Integer.parseInt(args[1]));
		CountDownLatch stopped = new CountDownLatch(1);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			served.close();
			stopped.countDown();
		}, "store-server-stop"));
		System.out.println("Embedded store " + Path.of(args[0]).toAbsolutePath() + " serving " + served.uri("<database>"));
		stopped.await();
	}
}
