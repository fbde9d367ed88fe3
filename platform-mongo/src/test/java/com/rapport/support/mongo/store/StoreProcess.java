package com.rapport.support.mongo.store;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;

import de.bwaldvogel.mongo.MongoServer;

/**
 * The embedded store alone in a process of its own, so that a test can kill it with {@code kill -9}: serves the file
 * named by the first argument on a free loopback port, prints {@code PORT <n>} and waits to be killed. It compacts
 * the file every 200 ms meanwhile, as the sweeper does every 2 s, so that a kill also finds chunks being rewritten
 * and the space of dead ones being reused.
 */
public final class StoreProcess {

	private StoreProcess() {
	}

	public static void main(String[] args) throws InterruptedException {
		StoreBackend backend = new StoreBackend(Path.of(args[0]), 16, Clock.systemUTC());
		MongoServer server = new MongoServer(backend);
		server.bind(new InetSocketAddress("127.0.0.1", 0), 1, 16);
		Thread compactor = new Thread(() -> {
			while (true) {
				backend.compact();
				try {
					Thread.sleep(200);
				}
				catch (InterruptedException ex) {
					return;
				}
			}
		}, "compactor");
		compactor.setDaemon(true);
		compactor.start();
		System.out.println("PORT " + server.getLocalAddress().getPort());
		System.out.flush();
		Thread.currentThread().join();
	}
}
