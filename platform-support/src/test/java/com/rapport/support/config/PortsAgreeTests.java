package com.rapport.support.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ports have one source: each module's own {@code application.yml} ({@code server.port}'s
 * {@code SERVER_PORT} default, and {@code spring.grpc.server.port}'s {@code GRPC_PORT} default); Keycloak's and
 * the mail catcher's are the {@code platform} script's defaults. Everything else that names a port must agree
 * with them: the {@code platform} script's tables, the root README's table of modules, each module README's
 * settings, and every address one module's configuration gives for another ({@code CUSTOMER_SERVICE_GRPC},
 * {@code PORTAL_WEB_HTTP}, Keycloak's issuer, the SMTP port). A port changed in one place only fails here,
 * naming the place.
 */
class PortsAgreeTests {

	static final List<String> MODULES = List.of("gateway", "portal-web", "customer-service", "ticket-service",
			"order-tracking-service", "feedback-service");

	private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

	private static final Pattern HTTP = Pattern.compile("port: \\$\\{SERVER_PORT:(\\d+)}");

	private static final Pattern GRPC = Pattern.compile("port: \\$\\{GRPC_PORT:(\\d+)}");

	/** {@code ${CUSTOMER_SERVICE_GRPC:static://localhost:9082}}, {@code ${PORTAL_WEB_HTTP:http://localhost:8081}}. */
	private static final Pattern REMOTE = Pattern
		.compile("\\$\\{([A-Z_]+)_(GRPC|HTTP):(?:static|https?)://localhost:(\\d+)}");

	private static final Pattern LOCALHOST = Pattern.compile("localhost:(\\d+)");

	@Test
	void theReadmeAndThePlatformScriptGiveEachModuleThePortsOfItsOwnConfiguration() throws IOException {
		String platform = read("platform");
		Map<String, String> scriptHttp = table(platform, "HTTP_PORT");
		Map<String, String> scriptGrpc = table(platform, "GRPC_PORT");
		String readme = read("README.md");
		List<String> disagreements = new ArrayList<>();
		for (String module : MODULES) {
			String own = read(module + "/src/main/resources/application.yml");
			String http = single(HTTP, own, module);
			String grpc = first(GRPC, own);
			expect(disagreements, "platform HTTP_PORT[" + module + "]", scriptHttp.get(module), http);
			expect(disagreements, "platform GRPC_PORT[" + module + "]", scriptGrpc.get(module), grpc);
			expect(disagreements, "README modules table, " + module, readmePorts(readme, "[`" + module + "`]"),
					grpc == null ? http : http + " / " + grpc);
			expect(disagreements, module + "/README.md settings", moduleReadmePorts(read(module + "/README.md")),
					grpc == null ? http : http + ", " + grpc);
		}
		expect(disagreements, "README modules table, keycloak/", readmePorts(readme, "`keycloak/`"),
				scriptDefault(platform, "KEYCLOAK_PORT"));
		expect(disagreements, "README modules table, mail/", readmePorts(readme, "`mail/`"),
				scriptDefault(platform, "MAILCATCHER_SMTP_PORT") + " / " + scriptDefault(platform, "MAILCATCHER_API_PORT"));
		assertThat(scriptHttp.keySet()).as("modules the platform script starts")
			.containsAll(MODULES);
		assertThat(disagreements).as("ports that disagree with the modules' application.yml").isEmpty();
	}

	@Test
	void everyAddressOneModuleGivesForAnotherUsesThatModulesPort() throws IOException {
		String platform = read("platform");
		Map<String, String> http = new LinkedHashMap<>();
		Map<String, String> grpc = new LinkedHashMap<>();
		for (String module : MODULES) {
			String own = read(module + "/src/main/resources/application.yml");
			http.put(module, single(HTTP, own, module));
			String grpcPort = first(GRPC, own);
			if (grpcPort != null) {
				grpc.put(module, grpcPort);
			}
		}
		String keycloak = scriptDefault(platform, "KEYCLOAK_PORT");
		String smtp = scriptDefault(platform, "MAILCATCHER_SMTP_PORT");
		List<String> files = new ArrayList<>(MODULES.stream().map(m -> m + "/src/main/resources/application.yml").toList());
		files.add("platform-support/src/main/resources/" + RapportDefaults.DEFAULTS);
		files.add("platform-support/src/main/resources/" + RapportDefaults.SERVICE_DEFAULTS);
		List<String> disagreements = new ArrayList<>();
		int remotes = 0;
		for (String file : files) {
			String text = read(file);
			Matcher remote = REMOTE.matcher(text);
			while (remote.find()) {
				remotes++;
				String module = remote.group(1).toLowerCase(Locale.ROOT).replace('_', '-');
				Map<String, String> ports = remote.group(2).equals("GRPC") ? grpc : http;
				expect(disagreements, file + " " + remote.group(), ports.get(module), remote.group(3));
			}
			for (String line : text.split("\n")) {
				Matcher local = LOCALHOST.matcher(line);
				while (local.find()) {
					String port = local.group(1);
					if (line.contains("KEYCLOAK_")) {
						expect(disagreements, file + ": " + line.strip(), keycloak, port);
					}
					else if (!http.containsValue(port) && !grpc.containsValue(port)) {
						disagreements.add(file + ": " + line.strip() + " names no module's port");
					}
				}
				if (line.contains("${RAPPORT_SMTP_PORT:")) {
					expect(disagreements, file + ": " + line.strip(), "${RAPPORT_SMTP_PORT:" + smtp + "}",
							line.substring(line.indexOf("${RAPPORT_SMTP_PORT:"), line.indexOf('}') + 1));
				}
			}
		}
		assertThat(remotes).as("addresses of other modules found").isGreaterThanOrEqualTo(10);
		assertThat(disagreements).isEmpty();
	}

	/**
	 * Scripts, the realm, the system tests, the benchmarks and the Kubernetes manifests reach the platform on its
	 * default ports (the gateway's above all); each {@code localhost:} port they name must be one the modules or the
	 * platform script declare. (The manifests' container ports are checked against the modules by k8s' ManifestTests.)
	 */
	@Test
	void theScriptsTheRealmAndTheTestsNameOnlyPortsThePlatformHas() throws IOException {
		String platform = read("platform");
		List<String> known = new ArrayList<>();
		for (String module : MODULES) {
			String own = read(module + "/src/main/resources/application.yml");
			known.add(single(HTTP, own, module));
			String grpc = first(GRPC, own);
			if (grpc != null) {
				known.add(grpc);
			}
		}
		for (String tool : List.of("KEYCLOAK_PORT", "MAILCATCHER_SMTP_PORT", "MAILCATCHER_API_PORT", "FAKESMS_PORT")) {
			known.add(scriptDefault(platform, tool));
		}
		// './platform pair': each paired module's second instance on its ports + the offset, its store's own port.
		int offset = Integer.parseInt(single(
				Pattern.compile("PAIR_PORT_OFFSET=\"\\$\\{RAPPORT_PAIR_PORT_OFFSET:-(\\d+)}\""), platform, "platform"));
		for (String port : List.copyOf(known)) {
			known.add(String.valueOf(Integer.parseInt(port) + offset));
		}
		known.addAll(table(platform, "STORE_PORT").values());
		List<Path> files = new ArrayList<>(List.of(ROOT.resolve("platform"), ROOT.resolve("keycloak/rapport-realm.json"),
				ROOT.resolve("benchmarks/run.sh")));
		for (String tree : List.of("keycloak", "mail", "lib", "system-tests/src/test", "benchmarks/src/main", "k8s/base",
				"k8s/overlays", "k8s/src/test")) {
			try (var walk = Files.walk(ROOT.resolve(tree))) {
				walk.filter(Files::isRegularFile).filter(file -> file.toString().matches(".*\\.(java|sh|yaml)$"))
					.forEach(files::add);
			}
		}
		List<String> strangers = new ArrayList<>();
		for (Path file : files) {
			Matcher local = LOCALHOST.matcher(Files.readString(file));
			while (local.find()) {
				if (!known.contains(local.group(1))) {
					strangers.add(ROOT.relativize(file) + ": " + local.group());
				}
			}
		}
		assertThat(files).hasSizeGreaterThan(10);
		assertThat(strangers).as("ports no module or tool of the platform has").isEmpty();
	}

	private static void expect(List<String> disagreements, String where, String found, String expected) {
		if (expected == null ? found != null : !expected.equals(found)) {
			disagreements.add(where + " says " + found + ", expected " + expected);
		}
	}

	/** {@code declare -A HTTP_PORT=( [gateway]=8080 ... )}: the literal ports (variables left out). */
	private static Map<String, String> table(String script, String name) {
		Matcher block = Pattern.compile("declare -A " + name + "=\\(([^)]*)\\)").matcher(script);
		assertThat(block.find()).as("platform declares " + name).isTrue();
		Map<String, String> ports = new LinkedHashMap<>();
		Matcher entry = Pattern.compile("\\[([a-z-]+)]=(\\d+)").matcher(block.group(1));
		while (entry.find()) {
			ports.put(entry.group(1), entry.group(2));
		}
		return ports;
	}

	/** {@code KEYCLOAK_PORT="${KEYCLOAK_PORT:-8180}"}. */
	private static String scriptDefault(String script, String variable) {
		return single(Pattern.compile(variable + "=\"\\$\\{" + variable + ":-(\\d+)}\""), script, "platform");
	}

	/** The second cell of the README's module row that starts with {@code name}: "8082 / 9082", "8080". */
	private static String readmePorts(String readme, String name) {
		for (String line : readme.split("\n")) {
			if (line.startsWith("| " + name)) {
				// "3025 / 8025 (SMTP / API)": the ports, without what they are for.
				return line.split("\\|")[2].replaceAll("\\(.*\\)", "").strip();
			}
		}
		return null;
	}

	/** The last cell of the module README's {@code SERVER_PORT} row: "8082, 9082", "8080". */
	private static String moduleReadmePorts(String readme) {
		for (String line : readme.split("\n")) {
			if (line.startsWith("| `SERVER_PORT`")) {
				String[] cells = line.split("\\|");
				return cells[cells.length - 1].strip();
			}
		}
		return null;
	}

	private static String single(Pattern pattern, String text, String where) {
		Matcher matcher = pattern.matcher(text);
		assertThat(matcher.find()).as(pattern + " in " + where).isTrue();
		String value = matcher.group(1);
		assertThat(matcher.find()).as("one " + pattern + " in " + where).isFalse();
		return value;
	}

	private static String first(Pattern pattern, String text) {
		Matcher matcher = pattern.matcher(text);
		return matcher.find() ? matcher.group(1) : null;
	}

	private static String read(String file) throws IOException {
		return Files.readString(ROOT.resolve(file));
	}
}
