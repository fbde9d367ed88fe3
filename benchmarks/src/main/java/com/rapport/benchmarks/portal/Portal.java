package com.rapport.benchmarks.portal;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

import com.rapport.benchmarks.harness.BrowserSession;
import com.rapport.benchmarks.harness.Http;
import com.rapport.benchmarks.harness.Load;
import com.rapport.benchmarks.harness.Options;
import com.rapport.benchmarks.harness.ProcessCpu;
import com.rapport.benchmarks.harness.Recording;
import com.rapport.benchmarks.harness.Run;
import com.rapport.benchmarks.harness.Scenario;

/**
 * The customer portal's home page ({@code /portal}: the organisation's newest orders) with many different contacts
 * signed in at once, as people use it: each contact has their own Keycloak login and gateway session, asks for the
 * page, reads it for a while (the think time, not timed) and asks again. {@code --users} contacts at once, each on
 * a thread of their own; a page counts when it answers {@code 200} with the order list (a {@code 302} to the login,
 * a {@code 503} from a breaker, a {@code 429} are failures). With {@code --think-ms 0} every contact asks again at
 * once: the most the platform serves (a closed loop like wrk's connections), not people.
 *
 * <p>Also reports the CPU each platform process spent per page during the measured calls (from {@code /proc}, for
 * the pids {@code ./platform} keeps), so the cost shows where it is.
 */
public final class Portal implements Scenario {

	static final String PAGE = "/portal";

	/** The demo's organisations, in the order contacts are given to them. */
	static final String DEMO_ORGANISATIONS = "acme-retail,globex-trading,initech-logistics,stark-components,"
			+ "wayne-hardware,umbrella-supplies";

	@Override
	public String name() {
		return "portal";
	}

	@Override
	public String summary() {
		return "many contacts signed in at once, each asking for the portal's home page and reading it: latency, errors, CPU per process";
	}

	@Override
	public String usage() {
		return """
				  --users N                contacts signed in at once, one thread each (50); --concurrency is not used
				  --think-ms MS            a contact's mean time reading a page before the next (3000; each pause
				                           drawn evenly from half to one and a half times it); 0: back to back
				  --organisations A,B,...  the organisations the contacts belong to, in turn (the demo's six)
				  --user-password PW       the contacts' password (bench-portal-26)
				  --keycloak-admin NAME --keycloak-admin-password PW
				                           Keycloak's master-realm administrator that makes the contacts' users
				                           (admin / admin, the local demo's)
				  --run-dir DIR            ./platform's run directory, whose pids say which processes to read the CPU
				                           of (RAPPORT_RUN_DIR, else .run in the repository)
				  --idle-seconds S         how long to measure each process's CPU with nobody asking before the run
				                           (10): its background work (relays, schedulers), taken off the per-page CPU
				""";
	}

	@Override
	public Measurement configure(Run run) {
		Options options = run.options();
		if (options.string("concurrency", null) != null) {
			throw new Options.UsageException("portal measures --users contacts at once, not --concurrency");
		}
		int users = options.integer("users", 50, 1, 500);
		int thinkMs = options.integer("think-ms", 3000, 0, 600_000);
		List<String> organisations = Arrays.stream(options.string("organisations", DEMO_ORGANISATIONS).split(","))
			.map(String::strip)
			.filter(id -> !id.isEmpty())
			.toList();
		if (organisations.isEmpty()) {
			throw new Options.UsageException("--organisations names at least one organisation");
		}
		String password = options.string("user-password", "bench-portal-26");
		String admin = options.string("keycloak-admin", "admin");
		String adminPassword = options.string("keycloak-admin-password", "admin");
		String runDir = options.string("run-dir", defaultRunDir());
		int idleSeconds = options.integer("idle-seconds", 10, 0, 600);
		return () -> {
			List<PortalUsers.User> plan = PortalUsers.plan(users, organisations);
			run.out().printf("Making %d portal users in Keycloak (%s)%n", users, String.join(", ", organisations));
			new PortalUsers(Http.plain(), run.keycloak(), admin, adminPassword).ensure(plan, password);
			run.out().printf("Signing %d contacts in through Keycloak%n", users);
			List<BrowserSession> sessions = new ArrayList<>();
			for (PortalUsers.User user : plan) {
				sessions.add(BrowserSession.login(run.gateway(), PAGE, user.username(), password));
			}
			Load.Settings settings = new Load.Settings(run.settings().warmup(), run.settings().requests(), users);
			ProcessCpu cpu = runDir == null ? null : new ProcessCpu(Path.of(runDir));
			HomePage call = new HomePage(sessions, thinkMs, run.randomSeed());
			Map<String, Double> idlePerSecond = Map.of();
			if (cpu != null && idleSeconds > 0) {
				run.out().printf("Measuring the processes' CPU for %d s with nobody asking%n", idleSeconds);
				Map<String, Long> idleBefore = cpu.snapshot();
				long idleStarted = System.nanoTime();
				Http.sleep(idleSeconds * 1000L);
				idlePerSecond = ProcessCpu.perSecond(ProcessCpu.between(idleBefore, cpu.snapshot()),
						(System.nanoTime() - idleStarted) / 1e9);
			}
			run.out().println("Measuring:");
			Map<String, Long> before = cpu == null ? Map.of() : cpu.snapshot();
			long started = System.nanoTime();
			Recording recording = run.measure("portal-home", settings, call);
			double seconds = (System.nanoTime() - started) / 1e9;
			Map<String, Long> spent = cpu == null ? Map.of() : ProcessCpu.between(before, cpu.snapshot());
			run.concurrency(users + " contacts signed in at once, each on its own thread and session");
			report(run, recording, spent, idlePerSecond, seconds, settings.warmup() + settings.requests(), users, thinkMs,
					organisations);
		};
	}

	private static String defaultRunDir() {
		String env = System.getenv("RAPPORT_RUN_DIR");
		if (env != null && !env.isBlank()) {
			return env;
		}
		String repo = System.getProperty("bench.repo");
		return repo == null ? null : repo + "/.run";
	}

	private static void report(Run run, Recording recording, Map<String, Long> spent, Map<String, Double> idlePerSecond,
			double seconds, int calls, int users, int thinkMs, List<String> organisations) {
		Recording.Summary summary = recording.summary();
		List<String> used = organisations.subList(0, Math.min(users, organisations.size()));
		run.fact(String.format(Locale.ROOT, "%d contacts of %d organisations (%s), think time %s", users,
				used.size(), String.join(", ", used),
				thinkMs == 0 ? "none (back to back)" : "about " + thinkMs + " ms (0.5–1.5×)"));
		if (spent.isEmpty() || summary.count() == 0) {
			return;
		}
		// The CPU window holds the warm-up's pages too: they all share it.
		Map<String, Double> perPage = ProcessCpu.perCall(spent, idlePerSecond, seconds, calls);
		StringBuilder line = new StringBuilder(idlePerSecond.isEmpty() ? "CPU per page (ms):"
				: "CPU per page (ms, background taken off):");
		double total = 0;
		for (Map.Entry<String, Double> process : perPage.entrySet()) {
			line.append(String.format(Locale.ROOT, " %s %.1f;", process.getKey(), process.getValue()));
			total += process.getValue();
		}
		line.append(String.format(Locale.ROOT, " all %.1f", total));
		Map<String, Object> cpu = new LinkedHashMap<>();
		cpu.put("cpuMsPerPage", perPage);
		cpu.put("cpuMsTotal", spent);
		cpu.put("seconds", Math.round(seconds * 10) / 10.0);
		cpu.put("idleCpuMsPerSecond", idlePerSecond);
		run.put("processes", cpu);
		run.fact(line.toString());
	}

	/**
	 * The home page as contact {@code n} of a thread sees it: each thread of the measurement takes the next
	 * contact's session on its first call and keeps it, so every contact asks one page at a time.
	 */
	static final class HomePage implements Load.Call {

		private final List<BrowserSession> sessions;

		private final int thinkMs;

		private final long seed;

		private final AtomicInteger taken = new AtomicInteger();

		private final ThreadLocal<BrowserSession> mine;

		HomePage(List<BrowserSession> sessions, int thinkMs, long seed) {
			this.sessions = sessions;
			this.thinkMs = thinkMs;
			this.seed = seed;
			this.mine = ThreadLocal.withInitial(() -> sessions.get(taken.getAndIncrement() % sessions.size()));
		}

		@Override
		public HttpResponse<String> send(int index) {
			return mine.get().get(PAGE);
		}

		@Override
		public String check(int index, HttpResponse<String> response) {
			if (response.statusCode() != 200) {
				return "HTTP " + response.statusCode();
			}
			return isHomePage(response.body()) ? null : "not the portal's order list";
		}

		/** The portal's home page: its own links and either order rows or the "no orders" line. */
		static boolean isHomePage(String html) {
			return html.contains("own-organisation-link")
					&& (html.contains("class=\"order-row\"") || html.contains("class=\"empty\""));
		}

		@Override
		public long thinkMillis(int index) {
			return thinkMillis(thinkMs, seed, index);
		}

		/** Evenly from half to one and a half times the mean, the same for the same call number and seed. */
		static long thinkMillis(int meanMs, long seed, int index) {
			if (meanMs == 0) {
				return 0;
			}
			Random random = new Random(seed * 31 + index);
			return meanMs / 2 + random.nextInt(meanMs + 1);
		}
	}
}
