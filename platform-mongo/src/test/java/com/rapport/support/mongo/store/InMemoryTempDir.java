package com.rapport.support.mongo.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.extension.AnnotatedElementContext;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.io.TempDirFactory;

/**
 * A {@code @TempDir} in memory ({@code /dev/shm}) where the machine has one, else the usual one: for tests of the
 * file's layout (its chunks, its size) that make thousands of commits, each with its {@code fsync}. On this machine's
 * disk a sync took 5–30 ms; the file's layout is the same in memory, only the waits are gone. Tests of what reaches
 * the disk ({@link KillNineDurabilityTests}) keep a directory on the disk.
 */
final class InMemoryTempDir implements TempDirFactory {

	@Override
	public Path createTempDirectory(AnnotatedElementContext element, ExtensionContext extension) throws IOException {
		Path shm = Path.of("/dev/shm");
		if (Files.isDirectory(shm) && Files.isWritable(shm)) {
			return Files.createTempDirectory(shm, "rapport-store-test-");
		}
		return Files.createTempDirectory("rapport-store-test-");
	}
}
