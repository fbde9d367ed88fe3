package com.rapport.systemtests;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Brings the whole platform up once per test run with the README's own command ({@code ./platform up}),
 * on fresh data under {@code target/platform}, and takes it down ({@code ./platform down}) when the run
 * ends. Nothing is faked: Keycloak, the services, portal-web and the gateway are the real processes.
 */
public final class RunningPlatform implements BeforeAllCallback, ParameterResolver {

	static final String GATEWAY = "http://localhost:8080";

	static final String KEYCLOAK = "http://localhost:8180";

	/**
	 * Requests per minute each partner client may make in the system tests: small, so that reaching it is quick
	 * to test, yet above the ~150 requests a minute the crash test's writers and read-back make as partner-demo.
	 */
	static final int PARTNER_BUDGET = 300;

	/**
	 * How far the gateway lets a partner token's expiry lie in the past (its setting {@code RAPPORT_TOKEN_CLOCK_SKEW};
	 * 60 s by default): short, so that TokenLifetimeSystemTests sees a token refused seconds after it expires.
	 */
	static final java.time.Duration TOKEN_CLOCK_SKEW = java.time.Duration.ofSeconds(5);

	/** Gives a test the platform of this run, for the tests that restart a part of it. */
	@Override
	public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
		return parameter.getParameter().getType() == Started.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
		return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).get(RunningPlatform.class.getName());
	}

	@Override
	public void beforeAll(ExtensionContext context) {
		Object state = context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
			.computeIfAbsent(RunningPlatform.class.getName(), key -> {
				try {
					return Started.start();
				}
				catch (RuntimeException ex) {
					// Remembered, so the next test class fails at once instead of starting everything again.
					return ex;
				}
			}, Object.class);
		if (state instanceof RuntimeException failure) {
			throw failure;
		}
	}

	static final class Started implements AutoCloseable {

		private final Path repo;

		private Started(Path repo) {
			this.repo = repo;
		}

		static Started start() {
			Path repo = Path.of(System.getProperty("rapport.repo", "..")).toAbsolutePath().normalize();
			if (Boolean.getBoolean("rapport.useRunningPlatform")) {
				// For working on the tests themselves: run against a platform already up (its data stays).
				return new Started(null);
			}
			if (isUp(GATEWAY + "/actuator/health/readiness")) {
				throw new IllegalStateException("Something already answers on port 8080. The system tests start "
						+ "their own platform on fresh data: stop the running one first (./platform down), or pass -Drapport.useRunningPlatform=true to test against it.");
			}
			Started started = new Started(repo);
			deleteRecursively(Path.of(property("rapport.dataDir", "target/platform/data")));
			started.run(List.of("./platform", "up"), Duration.ofMinutes(10));
			return started;
		}

		/** Restarts one module of the platform ({@code ./platform restart}), waiting until it is ready. */
		void restart(String module) {
			module("restart", module);
		}

		/** Restarts one module with extra environment (for example a larger request budget). */
		void restart(String module, java.util.Map<String, String> environment) {
			if (repo == null) {
				throw new IllegalStateException("Restarting a module needs the platform the tests started");
			}
			run(List.of("./platform", "restart", module), Duration.ofMinutes(3), environment);
		}

		/**
		 * Two instances of each module on one shared store ({@code ./platform pair}): each module's embedded store
		 * served by a process of its own, the module started again on it and its second instance {@code <module>.2}
		 * beside it (ports + 10000), all at once, waiting until every one is ready. {@code environment} goes to both
		 * instances (the background work's intervals, say).
		 */
		void pair(List<String> modules, java.util.Map<String, String> environment, Duration timeout) {
			if (repo == null) {
				throw new IllegalStateException("Pairing modules needs the platform the tests started");
			}
			List<String> command = new java.util.ArrayList<>(List.of("./platform", "pair"));
			command.addAll(modules);
			run(command, timeout, environment);
		}

		/** Whether this run started the platform itself (false with -Drapport.useRunningPlatform=true). */
		boolean owned() {
			return repo != null;
		}

		/** Stops one module ({@code ./platform stop}); {@link #start} brings it back. */
		void stop(String module) {
			module("stop", module);
		}

		/** Starts a stopped module ({@code ./platform start}), waiting until it is ready. */
		void start(String module) {
			module("start", module);
		}

		/**
		 * Kills one module's JVM with {@code SIGKILL}, as {@code kill -9}, a power cut or the OOM killer would: no
		 * shutdown hook, no graceful stop, nothing flushed. The pid is the one {@code ./platform} recorded; it must
		 * be alive and run that module's jar, so nothing else is ever killed. {@link #start} brings it back. A pair's
		 * second instance is named {@code <module>.2}.
		 */
		void kill(String module) {
			if (repo == null) {
				throw new IllegalStateException("Killing a module needs the platform the tests started");
			}
			Path pidFile = Path.of(property("rapport.runDir", "target/platform/run"), "pids", module + ".pid");
			try {
				long pid = Long.parseLong(Files.readString(pidFile).strip());
				ProcessHandle process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
					.orElseThrow(() -> new IllegalStateException(module + " (pid " + pid + ") is not running"));
				String commandLine = process.info().commandLine().orElse("");
				if (!commandLine.contains("/" + module.replaceFirst("\\.2$", "") + ".jar")) {
					throw new IllegalStateException("pid " + pid + " of " + pidFile + " is not " + module + ": " + commandLine);
				}
				if (!process.destroyForcibly()) {
					throw new IllegalStateException("Cannot kill " + module + " (pid " + pid + ")");
				}
				process.onExit().get(20, TimeUnit.SECONDS);
			}
			catch (IOException | java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException ex) {
				throw new IllegalStateException("Cannot kill " + module + " by its pid file " + pidFile, ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("Interrupted while killing " + module, ex);
			}
		}

		/** The log of a module's current run ({@code ./platform start} begins a new one). */
		String log(String module) {
			try {
				return Files.readString(Path.of(property("rapport.runDir", "target/platform/run"), "logs", module + ".log"));
			}
			catch (IOException ex) {
				throw new IllegalStateException("Cannot read the log of " + module, ex);
			}
		}

		private void module(String action, String module) {
			if (repo == null) {
				throw new IllegalStateException("Stopping or starting a module needs the platform the tests started");
			}
			run(List.of("./platform", action, module), Duration.ofMinutes(3));
		}

		@Override
		public void close() {
			if (repo == null) {
				return;
			}
			run(List.of("./platform", "down"), Duration.ofMinutes(2));
		}

		private void run(List<String> command, Duration timeout) {
			run(command, timeout, java.util.Map.of());
		}

		private void run(List<String> command, Duration timeout, java.util.Map<String, String> environment) {
			try {
				ProcessBuilder builder = new ProcessBuilder(command).directory(repo.toFile()).inheritIO();
				builder.environment().put("RAPPORT_RUN_DIR", property("rapport.runDir", "target/platform/run"));
				builder.environment().put("RAPPORT_DATA_DIR", property("rapport.dataDir", "target/platform/data"));
				// A small partner budget, so that reaching it is quick to test.
				builder.environment().put("RATE_LIMIT_PARTNER_REQUESTS", String.valueOf(PARTNER_BUDGET));
				builder.environment().put("RAPPORT_TOKEN_CLOCK_SKEW", TOKEN_CLOCK_SKEW.toSeconds() + "s");
				// Keycloak's failed logins reach the audit trail within seconds rather than a minute.
				builder.environment().put("RAPPORT_LOGIN_FAILURE_INTERVAL", "3s");
				builder.environment().put("RAPPORT_LOGIN_FAILURE_INITIAL_DELAY", "3s");
				// No quarterly NPS sweep: it would ask the demo contacts first, and the minimum interval would then keep
				// SurveyLoopSystemTests' CSAT from being asked (NpsSweepTests cover the schedule).
				builder.environment().put("RAPPORT_SURVEYS_NPS_SWEEPING", "false");
				// Payment reminders as soon as their step comes, whatever the hour (InboxSystemTests' invoice), looked
				// for every 5 s rather than every minute.
				builder.environment().put("RECEIVABLES_WORKING_HOURS_ONLY", "false");
				builder.environment().put("RECEIVABLES_INTERVAL", "5s");
				builder.environment().putAll(environment);
				Process process = builder.start();
				if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
					process.destroyForcibly();
					throw new IllegalStateException(String.join(" ", command) + " did not finish within " + timeout);
				}
				if (process.exitValue() != 0) {
					throw new IllegalStateException(String.join(" ", command) + " failed with exit code "
							+ process.exitValue() + " (logs in " + property("rapport.runDir", "") + "/logs)");
				}
			}
			catch (IOException ex) {
				throw new IllegalStateException("Cannot run " + command, ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("Interrupted while running " + command, ex);
			}
		}

		private static String property(String name, String fallback) {
			String value = System.getProperty(name, fallback);
			try {
				Files.createDirectories(Path.of(value));
			}
			catch (IOException ex) {
				throw new IllegalStateException("Cannot create " + value, ex);
			}
			return Path.of(value).toAbsolutePath().toString();
		}

		/** Every run starts from the demo data alone. */
		private static void deleteRecursively(Path directory) {
			try (var files = Files.walk(directory)) {
				files.sorted(java.util.Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
			}
			catch (IOException ex) {
				throw new IllegalStateException("Cannot empty " + directory, ex);
			}
		}

		private static boolean isUp(String url) {
			try {
				HttpResponse<Void> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(
						HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).build(),
						HttpResponse.BodyHandlers.discarding());
				return response.statusCode() < 500;
			}
			catch (IOException ex) {
				return false;
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return false;
			}
		}
	}
}
