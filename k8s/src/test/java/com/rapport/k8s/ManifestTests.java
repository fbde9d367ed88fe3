package com.rapport.k8s;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Renders every overlay with Kustomize and checks what a cluster would run against the modules' own configuration:
 * each pod hardened and sized, each module on the image the build makes with the ports and probes its configuration
 * has, every setting it needs set (and no secret written out), MongoDB's replica set in every URI, only the gateway
 * published, and in prod the autoscalers, disruption budgets and network policies. See ../README.md.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ManifestTests {

	/** Keycloak re-augments itself at start (k8s/base/keycloak/keycloak.yaml); every other container's root is read-only. */
	private static final Set<String> WRITABLE_ROOT = Set.of("Deployment keycloak");

	private final Map<String, Rendered> rendered = new HashMap<>();

	private final Map<String, ModuleConfiguration> modules = new HashMap<>();

	@BeforeAll
	void render() throws Exception {
		for (String overlay : List.of("dev", "prod")) {
			rendered.put(overlay, Rendered.overlay(overlay));
		}
		for (String module : ModuleConfiguration.MODULES) {
			modules.put(module, ModuleConfiguration.of(module));
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "dev", "prod" })
	void everySelectorMatchesThePodsItMeans(String overlay) {
		Rendered objects = rendered.get(overlay);
		List<String> wrong = new ArrayList<>();
		for (Deployment deployment : objects.all(Deployment.class)) {
			expectSubset(wrong, "Deployment " + deployment.getMetadata().getName(),
					deployment.getSpec().getSelector().getMatchLabels(), deployment.getSpec().getTemplate());
		}
		for (StatefulSet set : objects.all(StatefulSet.class)) {
			expectSubset(wrong, "StatefulSet " + set.getMetadata().getName(), set.getSpec().getSelector().getMatchLabels(),
					set.getSpec().getTemplate());
			objects.get(Service.class, set.getSpec().getServiceName());
		}
		Map<String, PodTemplateSpec> pods = objects.podTemplates();
		for (Service service : objects.all(Service.class)) {
			Map<String, String> selector = service.getSpec().getSelector();
			List<PodTemplateSpec> selected = pods.values().stream()
				.filter(pod -> pod.getMetadata().getLabels().entrySet().containsAll(selector.entrySet())).toList();
			if (selected.isEmpty()) {
				wrong.add("Service " + service.getMetadata().getName() + " selects no pod: " + selector);
			}
			for (ServicePort port : service.getSpec().getPorts()) {
				for (PodTemplateSpec pod : selected) {
					if (containerPort(pod.getSpec(), port.getTargetPort()) == null) {
						wrong.add("Service " + service.getMetadata().getName() + " port " + port.getName()
								+ " targets " + port.getTargetPort() + ", which its pods do not have");
					}
				}
			}
		}
		assertThat(wrong).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "dev", "prod" })
	void everyPodIsHardenedAndSized(String overlay) {
		List<String> wrong = new ArrayList<>();
		rendered.get(overlay).podTemplates().forEach((owner, pod) -> {
			PodSpec spec = pod.getSpec();
			PodSecurityContext podSecurity = Objects.requireNonNullElseGet(spec.getSecurityContext(), PodSecurityContext::new);
			expect(wrong, owner + ": seccomp RuntimeDefault", podSecurity.getSeccompProfile() != null
					&& "RuntimeDefault".equals(podSecurity.getSeccompProfile().getType()));
			expect(wrong, owner + ": no service-account token", Boolean.FALSE.equals(spec.getAutomountServiceAccountToken()));
			for (Container container : spec.getContainers()) {
				String where = owner + " container " + container.getName();
				SecurityContext security = Objects.requireNonNullElseGet(container.getSecurityContext(), SecurityContext::new);
				expect(wrong, where + ": runAsNonRoot", Boolean.TRUE.equals(security.getRunAsNonRoot())
						|| Boolean.TRUE.equals(podSecurity.getRunAsNonRoot()));
				expect(wrong, where + ": a non-root user id", Objects.requireNonNullElse(security.getRunAsUser(),
						Objects.requireNonNullElse(podSecurity.getRunAsUser(), 0L)) > 0);
				expect(wrong, where + ": allowPrivilegeEscalation false", Boolean.FALSE.equals(security.getAllowPrivilegeEscalation()));
				expect(wrong, where + ": privileged not true", !Boolean.TRUE.equals(security.getPrivileged()));
				expect(wrong, where + ": capabilities drop ALL", security.getCapabilities() != null
						&& security.getCapabilities().getDrop().contains("ALL") && security.getCapabilities().getAdd().isEmpty());
				expect(wrong, where + ": readOnlyRootFilesystem", WRITABLE_ROOT.contains(owner)
						|| Boolean.TRUE.equals(security.getReadOnlyRootFilesystem()));
				var resources = container.getResources();
				for (String resource : List.of("cpu", "memory")) {
					Quantity request = resources == null ? null : resources.getRequests().get(resource);
					Quantity limit = resources == null ? null : resources.getLimits().get(resource);
					expect(wrong, where + ": " + resource + " request and limit", request != null && limit != null
							&& request.getNumericalAmount().compareTo(limit.getNumericalAmount()) <= 0);
				}
				if (Boolean.TRUE.equals(security.getReadOnlyRootFilesystem())) {
					expect(wrong, where + ": a writable /tmp", container.getVolumeMounts().stream()
						.anyMatch(mount -> mount.getMountPath().equals("/tmp")));
				}
			}
		});
		assertThat(wrong).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "dev", "prod" })
	void everyModuleRunsTheBuiltImageWithThePortsAndProbesOfItsConfiguration(String overlay) throws IOException {
		Rendered objects = rendered.get(overlay);
		String root = ModuleConfiguration.read("pom.xml");
		Matcher version = Pattern.compile("<artifactId>rapport</artifactId>\\s*<version>([^<]+)</version>").matcher(root);
		assertThat(version.find()).isTrue();
		assertThat(root).as("the image names the Jib build gives (root pom.xml)")
			.contains("<image>rapport/${project.artifactId}:${project.version}</image>");
		List<String> wrong = new ArrayList<>();
		for (String module : ModuleConfiguration.MODULES) {
			ModuleConfiguration config = modules.get(module);
			Container app = app(objects, module);
			expect(wrong, module + ": image rapport/" + module + ":" + version.group(1) + " (optionally in a registry), was "
					+ app.getImage(), app.getImage().equals("rapport/" + module + ":" + version.group(1))
							|| app.getImage().endsWith("/rapport/" + module + ":" + version.group(1)));
			expect(wrong, module + ": container port http = SERVER_PORT's default " + config.httpPort(),
					Objects.equals(port(app, "http"), config.httpPort()));
			expect(wrong, module + ": container port grpc = GRPC_PORT's default " + config.grpcPort(),
					Objects.equals(port(app, "grpc"), config.grpcPort()));
			String pom = ModuleConfiguration.read(module + "/pom.xml");
			Matcher jib = Pattern.compile("<artifactId>jib-maven-plugin</artifactId>.*?<ports>(.*?)</ports>", Pattern.DOTALL)
				.matcher(pom);
			List<Integer> declared = new ArrayList<>();
			if (jib.find()) {
				Pattern.compile("<port>(\\d+)</port>").matcher(jib.group(1)).results()
					.forEach(port -> declared.add(Integer.valueOf(port.group(1))));
			}
			expect(wrong, module + ": its image declares the ports of its configuration, was " + declared,
					declared.equals(config.grpcPort() == null ? List.of(config.httpPort())
							: List.of(config.httpPort(), config.grpcPort())));
			Service service = objects.get(Service.class, module);
			for (ContainerPort port : app.getPorts()) {
				expect(wrong, module + ": Service port named " + port.getName(), service.getSpec().getPorts().stream()
					.anyMatch(p -> p.getName().equals(port.getName()) && p.getTargetPort().equals(new IntOrString(port.getName()))));
			}
			expect(wrong, module + ": actuator's probe groups enabled in its configuration", config.exposesProbeGroups());
			expect(wrong, module + ": readiness probe on actuator's readiness group",
					httpProbe(app.getReadinessProbe(), "/actuator/health/readiness"));
			expect(wrong, module + ": start-up probe on actuator's liveness group, allowing at least 2 minutes",
					httpProbe(app.getStartupProbe(), "/actuator/health/liveness")
							&& app.getStartupProbe().getFailureThreshold() * app.getStartupProbe().getPeriodSeconds() >= 120);
			if (config.servesGrpc()) {
				expect(wrong, module + ": liveness probe is the gRPC health check on its gRPC port",
						app.getLivenessProbe() != null && app.getLivenessProbe().getGrpc() != null
								&& Objects.equals(app.getLivenessProbe().getGrpc().getPort(), config.grpcPort()));
				expect(wrong, module + ": grpc.health.v1 enabled in its configuration", config.servesGrpcHealth());
			}
			else {
				expect(wrong, module + ": liveness probe on actuator's liveness group",
						httpProbe(app.getLivenessProbe(), "/actuator/health/liveness"));
			}
			PodSpec pod = objects.get(Deployment.class, module).getSpec().getTemplate().getSpec();
			var preStop = app.getLifecycle() == null ? null : app.getLifecycle().getPreStop();
			long pause = preStop == null || preStop.getSleep() == null ? 0 : preStop.getSleep().getSeconds();
			// Spring's graceful shutdown phase (spring.lifecycle.timeout-per-shutdown-phase: 20s) after the pause.
			expect(wrong, module + ": a preStop pause and a grace period covering it and the 20 s shutdown phase",
					pause >= 5 && pod.getTerminationGracePeriodSeconds() != null
							&& pod.getTerminationGracePeriodSeconds() >= pause + 20);
			expect(wrong, module + ": replicas " + (overlay.equals("dev") ? "1" : "at least 2"), overlay.equals("dev")
					? objects.get(Deployment.class, module).getSpec().getReplicas() == 1
					: objects.get(Deployment.class, module).getSpec().getReplicas() >= 2);
		}
		assertThat(wrong).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "dev", "prod" })
	void everySettingAModuleNeedsIsSetAndEveryAddressReachesTheModuleItNames(String overlay) {
		Rendered objects = rendered.get(overlay);
		List<String> wrong = new ArrayList<>();
		for (String module : ModuleConfiguration.MODULES) {
			ModuleConfiguration config = modules.get(module);
			Container app = app(objects, module);
			Map<String, String> env = objects.environment(app);
			for (String local : config.localDefaults()) {
				expect(wrong, module + ": " + local + " set (its default is localhost, the pod itself)", env.get(local) != null
						&& !env.get(local).contains("localhost") || overlay.equals("dev") && isBrowserAddress(local, env));
			}
			for (String secret : config.demoSecrets()) {
				String value = env.get(secret);
				expect(wrong, module + ": " + secret + " only ever from a Secret, was " + value,
						value == null ? !secret.endsWith("_SECRET") : value.startsWith("secret:"));
			}
			if (config.usesMongo()) {
				expect(wrong, module + ": MONGODB_URI set", env.get("MONGODB_URI") != null);
			}
			for (String callee : config.grpcCallees()) {
				String address = env.get(callee.toUpperCase().replace('-', '_') + "_GRPC");
				int port = modules.get(callee).grpcPort();
				expect(wrong, module + ": reaches " + callee + " at dns:///" + callee + "-grpc:" + port + ", the headless "
						+ "Service of its gRPC port (calls spread over its replicas), was " + address,
						("dns:///" + callee + "-grpc:" + port).equals(address) && objects.get(Service.class, callee + "-grpc")
							.getSpec().getPorts().stream().anyMatch(p -> p.getPort() == port && p.getName().equals("grpc")));
			}
			for (String callee : config.httpCallees()) {
				String address = env.get(callee.toUpperCase().replace('-', '_') + "_HTTP");
				expect(wrong, module + ": reaches " + callee + " at http://" + callee + ":" + modules.get(callee).httpPort()
						+ ", was " + address, ("http://" + callee + ":" + modules.get(callee).httpPort()).equals(address));
			}
			// What the module's own ConfigMap and env set must be something it reads (a misspelt name is not).
			ConfigMap own = objects.all(ConfigMap.class).stream()
				.filter(map -> map.getMetadata().getName().matches(Pattern.quote(module) + "-[a-z0-9]{10}")).findFirst()
				.orElseThrow(() -> new AssertionError(overlay + ": no ConfigMap of " + module));
			List<String> set = new ArrayList<>(own.getData().keySet());
			app.getEnv().forEach(variable -> set.add(variable.getName()));
			for (String name : set) {
				expect(wrong, module + ": sets " + name + ", which it reads", config.placeholders().containsKey(name)
						|| name.matches("(SPRING|SERVER|MANAGEMENT)_[A-Z_]+") && !name.contains("__"));
			}
		}
		assertThat(wrong).isEmpty();
	}

	/** In dev the browser and the modules share Keycloak's and the gateway's address through port-forwards. */
	private static boolean isBrowserAddress(String name, Map<String, String> env) {
		return Set.of("RAPPORT_INVITATION_REDIRECT_URI", "RAPPORT_PORTAL_URL").contains(name)
				&& env.get(name) != null && env.get(name).startsWith("http://localhost:8080");
	}

	@ParameterizedTest
	@ValueSource(strings = { "dev", "prod" })
	void everyMongoDbUriWritesToAMajorityOfTheReplicaSet(String overlay) throws IOException {
		Rendered objects = rendered.get(overlay);
		StatefulSet mongodb = objects.get(StatefulSet.class, "mongodb");
		int members = mongodb.getSpec().getReplicas();
		List<String> args = mongodb.getSpec().getTemplate().getSpec().getContainers().get(0).getArgs();
		String set = args.get(args.indexOf("--replSet") + 1);
		assertThat(members).as("replica set members").isGreaterThanOrEqualTo(3).isOdd();
		String hosts = IntStream.range(0, members).mapToObj(i -> "mongodb-" + i + ".mongodb:27017")
			.collect(Collectors.joining(","));
		String script = ModuleConfiguration.read("k8s/base/mongodb/init-replica-set.js");
		assertThat(script).as("the init Job initiates the set with every member")
			.contains("_id: '" + set + "'")
			.contains(IntStream.range(0, members).mapToObj(Integer::toString)
				.collect(Collectors.joining(", ", "[", "]")) + ".map(i => ({ _id: i, host: `mongodb-${i}.mongodb:27017` }))");
		int users = 0;
		for (String module : ModuleConfiguration.MODULES) {
			if (!modules.get(module).usesMongo()) {
				continue;
			}
			users++;
			URI uri = URI.create(objects.environment(app(objects, module)).get("MONGODB_URI"));
			Map<String, String> options = new HashMap<>();
			for (String option : uri.getQuery().split("&")) {
				options.put(option.substring(0, option.indexOf('=')), option.substring(option.indexOf('=') + 1));
			}
			assertThat(uri.getScheme()).isEqualTo("mongodb");
			assertThat(uri.getAuthority()).as(module + "'s MONGODB_URI names every member").isEqualTo(hosts);
			assertThat(options).as(module + "'s MONGODB_URI").containsEntry("replicaSet", set)
				.containsEntry("w", "majority").containsEntry("journal", "true");
		}
		assertThat(users).as("modules on MongoDB: the gateway and the four services").isEqualTo(5);
	}

	@ParameterizedTest
	@ValueSource(strings = { "dev", "prod" })
	void onlyTheGatewayIsPublishedAndKeycloakOnlyForSigningIn(String overlay) {
		Rendered objects = rendered.get(overlay);
		Map<String, List<String>> published = new HashMap<>();
		for (Ingress ingress : objects.all(Ingress.class)) {
			for (var rule : ingress.getSpec().getRules()) {
				for (HTTPIngressPath path : rule.getHttp().getPaths()) {
					published.computeIfAbsent(path.getBackend().getService().getName(), name -> new ArrayList<>())
						.add(path.getPath());
				}
			}
		}
		assertThat(published).as("Services an Ingress publishes, with their paths")
			.containsOnlyKeys("gateway", "keycloak").containsEntry("gateway", List.of("/"))
			.containsEntry("keycloak", List.of("/realms/", "/resources/"));
		// Tokens carry Keycloak's public address; the modules must expect exactly that issuer.
		Map<String, String> keycloak = objects.environment(objects.get(Deployment.class, "keycloak").getSpec()
			.getTemplate().getSpec().getContainers().get(0));
		for (String module : ModuleConfiguration.MODULES) {
			assertThat(objects.environment(app(objects, module))).as(module)
				.containsEntry("KEYCLOAK_ISSUER_URI", keycloak.get("KC_HOSTNAME") + "/realms/rapport");
		}
		if (overlay.equals("prod")) {
			assertThat(URI.create(keycloak.get("KC_HOSTNAME")).getHost()).as("Keycloak's public host is its Ingress's")
				.isEqualTo(objects.get(Ingress.class, "keycloak").getSpec().getRules().get(0).getHost());
			assertThat(URI.create(keycloak.get("RAPPORT_PUBLIC_URL")).getHost())
				.as("the realm's redirect URIs name the gateway's Ingress host")
				.isEqualTo(objects.get(Ingress.class, "gateway").getSpec().getRules().get(0).getHost());
			for (Ingress ingress : objects.all(Ingress.class)) {
				assertThat(ingress.getSpec().getTls()).as(ingress.getMetadata().getName() + " over TLS").isNotEmpty();
			}
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "dev", "prod" })
	void noSecretIsWrittenOut(String overlay) throws IOException {
		Rendered objects = rendered.get(overlay);
		Pattern secretName = Pattern.compile(".*(SECRET|PASSWORD|TOKEN|CREDENTIAL|_KEY)$");
		List<String> written = new ArrayList<>();
		for (ConfigMap map : objects.all(ConfigMap.class)) {
			map.getData().forEach((key, value) -> {
				if (secretName.matcher(key).matches() && !value.isEmpty()) {
					written.add("ConfigMap " + map.getMetadata().getName() + " " + key);
				}
			});
		}
		objects.podTemplates().forEach((owner, pod) -> pod.getSpec().getContainers().forEach(container ->
				container.getEnv().forEach(variable -> {
					if (secretName.matcher(variable.getName()).matches() && variable.getValue() != null) {
						written.add(owner + " env " + variable.getName());
					}
				})));
		assertThat(written).as("secret values in plain text").isEmpty();
		if (overlay.equals("prod")) {
			assertThat(objects.all(Secret.class)).as("Secrets in prod's manifests (its operators create them)").isEmpty();
		}
		else {
			// dev's client secrets are the realm's demo values, or nobody could sign in.
			String realm = ModuleConfiguration.read("keycloak/rapport-realm.json");
			Secret clients = objects.all(Secret.class).stream()
				.filter(secret -> secret.getMetadata().getName().startsWith("rapport-client-secrets-")).findFirst().orElseThrow();
			clients.getData().forEach((client, encoded) -> {
				String value = new String(Base64.getDecoder().decode(encoded), java.nio.charset.StandardCharsets.UTF_8);
				String clientId = client.equals("gateway") ? "rapport-gateway" : client;
				assertThat(realm).as("client " + clientId + "'s secret in the realm")
					.containsPattern("\"clientId\": \"" + Pattern.quote(clientId) + "\"[^}]*?\"secret\": \"" + Pattern.quote(value) + "\"");
			});
		}
	}

	@Test
	void prodScalesEveryModuleKeepsItAvailableAndLetsOnlyItsCallersIn() {
		Rendered objects = rendered.get("prod");
		List<String> wrong = new ArrayList<>();
		for (String module : ModuleConfiguration.MODULES) {
			var hpa = objects.find(HorizontalPodAutoscaler.class, module);
			expect(wrong, module + ": a HorizontalPodAutoscaler of its Deployment from 2 replicas", hpa.isPresent()
					&& hpa.get().getSpec().getScaleTargetRef().getName().equals(module)
					&& hpa.get().getSpec().getScaleTargetRef().getKind().equals("Deployment")
					&& hpa.get().getSpec().getMinReplicas() >= 2 && hpa.get().getSpec().getMaxReplicas() > hpa.get().getSpec().getMinReplicas());
		}
		for (String workload : List.of("gateway", "portal-web", "customer-service", "ticket-service",
				"order-tracking-service", "feedback-service", "keycloak", "mongodb")) {
			expect(wrong, workload + ": a PodDisruptionBudget selecting its pods",
					objects.all(PodDisruptionBudget.class).stream()
						.anyMatch(pdb -> Map.of("app.kubernetes.io/name", workload).equals(pdb.getSpec().getSelector().getMatchLabels())));
		}
		NetworkPolicies policies = new NetworkPolicies(objects);
		expect(wrong, "a default-deny policy for every pod", policies.denyAllByDefault());
		for (String module : ModuleConfiguration.MODULES) {
			for (String callee : modules.get(module).grpcCallees()) {
				expect(wrong, callee + "'s gRPC port open to its caller " + module,
						policies.admits(callee, "grpc", module));
			}
			for (String callee : modules.get(module).httpCallees()) {
				expect(wrong, callee + "'s HTTP port open to its caller " + module, policies.admits(callee, "http", module));
			}
			if (modules.get(module).usesMongo()) {
				expect(wrong, "MongoDB open to " + module, policies.admits("mongodb", "mongodb", module));
			}
			expect(wrong, "Keycloak open to " + module, policies.admits("keycloak", "http", module));
		}
		for (String service : List.of("customer-service", "ticket-service", "order-tracking-service", "feedback-service")) {
			List<String> callers = ModuleConfiguration.MODULES.stream()
				.filter(module -> modules.get(module).grpcCallees().contains(service)).toList();
			expect(wrong, service + "'s gRPC port open only to its callers " + callers,
					policies.admittedPods(service, "grpc").equals(Set.copyOf(callers)));
		}
		expect(wrong, "Keycloak's database open only to Keycloak",
				policies.admittedPods("keycloak-db", "postgres").equals(Set.of("keycloak")));
		expect(wrong, "of the modules, only the gateway open to the ingress controller",
				policies.reachableFromIngressController(ModuleConfiguration.MODULES, "http").equals(Set.of("gateway")));
		assertThat(wrong).isEmpty();
	}

	private static Container app(Rendered objects, String module) {
		return objects.get(Deployment.class, module).getSpec().getTemplate().getSpec().getContainers().stream()
			.filter(container -> container.getName().equals("app")).findFirst()
			.orElseThrow(() -> new AssertionError(module + " has no container named app"));
	}

	private static Integer port(Container container, String name) {
		return container.getPorts().stream().filter(port -> name.equals(port.getName())).map(ContainerPort::getContainerPort)
			.findFirst().orElse(null);
	}

	private static ContainerPort containerPort(PodSpec pod, IntOrString target) {
		return pod.getContainers().stream().flatMap(container -> container.getPorts().stream())
			.filter(port -> target.getIntVal() != null ? target.getIntVal().equals(port.getContainerPort())
					: target.getStrVal().equals(port.getName()))
			.findFirst().orElse(null);
	}

	private static boolean httpProbe(Probe probe, String path) {
		return probe != null && probe.getHttpGet() != null && path.equals(probe.getHttpGet().getPath())
				&& new IntOrString("http").equals(probe.getHttpGet().getPort());
	}

	private static void expectSubset(List<String> wrong, String owner, Map<String, String> selector, PodTemplateSpec pod) {
		if (selector == null || selector.isEmpty() || !pod.getMetadata().getLabels().entrySet().containsAll(selector.entrySet())) {
			wrong.add(owner + ": selector " + selector + " does not match its pods' labels " + pod.getMetadata().getLabels());
		}
	}

	private static void expect(List<String> wrong, String what, boolean holds) {
		if (!holds) {
			wrong.add(what);
		}
	}
}
