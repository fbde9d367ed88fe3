package com.rapport.k8s;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a module's own configuration says it needs from its environment: its {@code application.yml}, and the
 * platform-support defaults it loads ({@code rapport-defaults.yml} where it depends on platform-support,
 * {@code rapport-service-defaults.yml} where it serves gRPC). The manifests are checked against this, never against
 * a second list.
 */
record ModuleConfiguration(String module, String text, int httpPort, Integer grpcPort, Map<String, String> placeholders) {

	static final List<String> MODULES = List.of("gateway", "portal-web", "customer-service", "ticket-service",
			"order-tracking-service", "feedback-service");

	private static final Pattern HTTP = Pattern.compile("port: \\$\\{SERVER_PORT:(\\d+)}");

	private static final Pattern GRPC = Pattern.compile("port: \\$\\{GRPC_PORT:(\\d+)}");

	/** {@code ${NAME}} or {@code ${NAME:default}} (a nested default is cut at its first brace: enough to see it). */
	private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(?::([^}]*))?}");

	static ModuleConfiguration of(String module) throws IOException {
		String own = read(module + "/src/main/resources/application.yml");
		Matcher grpc = GRPC.matcher(own);
		Integer grpcPort = grpc.find() ? Integer.valueOf(grpc.group(1)) : null;
		StringBuilder text = new StringBuilder(own);
		if (read(module + "/pom.xml").contains("<artifactId>platform-support</artifactId>")) {
			text.append('\n').append(read("platform-support/src/main/resources/rapport-defaults.yml"));
			if (grpcPort != null) {
				text.append('\n').append(read("platform-support/src/main/resources/rapport-service-defaults.yml"));
			}
		}
		Matcher http = HTTP.matcher(own);
		if (!http.find()) {
			throw new IllegalStateException(module + "/application.yml has no server.port ${SERVER_PORT:...}");
		}
		Map<String, String> placeholders = new LinkedHashMap<>();
		Matcher placeholder = PLACEHOLDER.matcher(text);
		while (placeholder.find()) {
			placeholders.putIfAbsent(placeholder.group(1), placeholder.group(2));
		}
		return new ModuleConfiguration(module, text.toString(), Integer.parseInt(http.group(1)), grpcPort, placeholders);
	}

	boolean servesGrpc() {
		return grpcPort != null;
	}

	/** Keeps data in MongoDB: every service (its defaults name the database), and the gateway (sessions). */
	boolean usesMongo() {
		return text.contains("mongodb:\n");
	}

	/** The settings whose default is this machine: in a pod, localhost is the pod itself, so each must be set. */
	List<String> localDefaults() {
		return placeholders.entrySet().stream()
			.filter(entry -> entry.getValue() != null && entry.getValue().contains("localhost"))
			.map(Map.Entry::getKey).toList();
	}

	/** Secrets with a local demo value as their default: a cluster must set each from a Secret. */
	List<String> demoSecrets() {
		return placeholders.entrySet().stream()
			.filter(entry -> entry.getKey().endsWith("_SECRET") || entry.getKey().endsWith("_PASSWORD"))
			.map(Map.Entry::getKey).toList();
	}

	/** The modules this one calls over gRPC ({@code CUSTOMER_SERVICE_GRPC} names customer-service). */
	List<String> grpcCallees() {
		return addressed("_GRPC");
	}

	/** The modules this one calls over HTTP ({@code PORTAL_WEB_HTTP} names portal-web). */
	List<String> httpCallees() {
		return addressed("_HTTP");
	}

	private List<String> addressed(String suffix) {
		List<String> modules = new ArrayList<>();
		for (String name : placeholders.keySet()) {
			if (name.endsWith(suffix)) {
				modules.add(name.substring(0, name.length() - suffix.length()).toLowerCase(Locale.ROOT).replace('_', '-'));
			}
		}
		return modules;
	}

	/** Actuator's liveness and readiness groups, which the HTTP probes call. */
	boolean exposesProbeGroups() {
		return Pattern.compile("probes:\\s*\\n\\s*enabled: true").matcher(text).find();
	}

	/** The standard grpc.health.v1 service, which the gRPC probe calls. */
	boolean servesGrpcHealth() {
		return Pattern.compile("grpc:\\s*\\n\\s*server:\\s*\\n(\\s*#.*\\n)*\\s*health:\\s*\\n\\s*enabled: true")
			.matcher(text).find();
	}

	static String read(String file) throws IOException {
		return Files.readString(Kustomize.ROOT.resolve(file));
	}
}
