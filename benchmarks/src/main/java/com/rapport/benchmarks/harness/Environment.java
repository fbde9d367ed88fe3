package com.rapport.benchmarks.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Where the numbers were measured. The store is read from this process's {@code MONGODB_URI}, so run the harness
 * in the environment the platform was started in ({@code run.sh --up} does); the URI itself is never written
 * down, since it may hold a password.
 */
public record Environment(int cores, long memoryMb, String os, String jvm, String store, boolean mongodbUri,
		String platformJavaOpts, String gitCommit, String gateway, String dataDir, Long dataDirMb) {

	static final String EMBEDDED = "embedded (platform-mongo StoreBackend: synced writes, real indexes)";

	static final String MONGODB = "MongoDB (MONGODB_URI)";

	static Environment detect(String gateway, String dataDir) {
		boolean mongodb = System.getenv("MONGODB_URI") != null && !System.getenv("MONGODB_URI").isBlank();
		String javaOpts = System.getenv("RAPPORT_JAVA_OPTS");
		return new Environment(Runtime.getRuntime().availableProcessors(), physicalMemoryMb(),
				System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
						+ System.getProperty("os.arch"),
				System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version") + " ("
						+ System.getProperty("java.vendor") + ")",
				mongodb ? MONGODB : EMBEDDED, mongodb,
				javaOpts == null || javaOpts.isBlank() ? "the platform's default (see ./platform --help)" : javaOpts,
				System.getProperty("bench.commit"), gateway, dataDir, dataDir == null ? null : megabytes(Path.of(dataDir)));
	}

	/** The same environment with the data directory measured again (it grows while seeding). */
	Environment remeasured() {
		return new Environment(cores, memoryMb, os, jvm, store, mongodbUri, platformJavaOpts, gitCommit, gateway,
				dataDir, dataDir == null ? null : megabytes(Path.of(dataDir)));
	}

	private static long physicalMemoryMb() {
		if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
			return os.getTotalMemorySize() / (1024 * 1024);
		}
		return -1;
	}

	private static Long megabytes(Path directory) {
		if (!Files.isDirectory(directory)) {
			return null;
		}
		try (Stream<Path> files = Files.walk(directory)) {
			return files.filter(Files::isRegularFile).mapToLong(file -> {
				try {
					return Files.size(file);
				}
				catch (IOException gone) {
					return 0;
				}
			}).sum() / (1024 * 1024);
		}
		catch (IOException | UncheckedIOException ex) {
			return null;
		}
	}
}
