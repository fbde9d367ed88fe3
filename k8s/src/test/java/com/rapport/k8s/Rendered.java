package com.rapport.k8s;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;

/**
 * One overlay as {@code kubectl kustomize} renders it, parsed strictly as Kubernetes objects (fabric8's model): an
 * unknown kind or apiVersion, or a field the kind does not have (a misspelt {@code readinesProbe}), fails the parse
 * naming it.
 */
final class Rendered {

	private static final Map<String, Class<? extends HasMetadata>> KINDS = Map.of(
			"v1/ConfigMap", ConfigMap.class, "v1/Secret", Secret.class, "v1/Service", Service.class,
			"apps/v1/Deployment", Deployment.class, "apps/v1/StatefulSet", StatefulSet.class,
			"batch/v1/Job", Job.class, "networking.k8s.io/v1/Ingress", Ingress.class,
			"networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class,
			"policy/v1/PodDisruptionBudget", PodDisruptionBudget.class,
			"autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class);

	private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

	final String overlay;

	final List<HasMetadata> objects;

	private Rendered(String overlay, List<HasMetadata> objects) {
		this.overlay = overlay;
		this.objects = objects;
	}

	static Rendered overlay(String name) throws IOException, InterruptedException {
		return parse(name, Kustomize.render(Kustomize.ROOT.resolve(Path.of("k8s", "overlays", name))));
	}

	static Rendered parse(String name, String yaml) throws IOException {
		List<HasMetadata> objects = new ArrayList<>();
		try (var documents = YAML.readerFor(JsonNode.class).readValues(yaml)) {
			while (documents.hasNext()) {
				JsonNode node = (JsonNode) documents.next();
				if (node == null || node.isEmpty()) {
					continue;
				}
				String kind = node.path("apiVersion").asText() + "/" + node.path("kind").asText();
				Class<? extends HasMetadata> type = KINDS.get(kind);
				if (type == null) {
					throw new IllegalStateException(name + ": an object of an unexpected kind " + kind + " ("
							+ node.path("metadata").path("name").asText() + ")");
				}
				HasMetadata object = YAML.treeToValue(node, type);
				List<String> unknown = new ArrayList<>();
				unknownFields(object, kind + " " + object.getMetadata().getName(), unknown);
				if (!unknown.isEmpty()) {
					throw new IllegalStateException(name + ": fields Kubernetes does not know: " + unknown);
				}
				objects.add(object);
			}
		}
		return new Rendered(name, objects);
	}

	/** fabric8 keeps what it does not know in each object's additionalProperties: none may be there. */
	private static void unknownFields(Object object, String path, List<String> unknown) {
		if (object == null) {
			return;
		}
		if (object instanceof Collection<?> items) {
			int i = 0;
			for (Object item : items) {
				unknownFields(item, path + "[" + i++ + "]", unknown);
			}
			return;
		}
		if (object instanceof Map<?, ?> map) {
			map.forEach((key, value) -> unknownFields(value, path + "." + key, unknown));
			return;
		}
		if (!object.getClass().getName().startsWith("io.fabric8.kubernetes.api.model")) {
			return;
		}
		for (Method getter : object.getClass().getMethods()) {
			if (getter.getParameterCount() != 0 || Modifier.isStatic(getter.getModifiers())
					|| !getter.getName().startsWith("get") || getter.getDeclaringClass() == Object.class) {
				continue;
			}
			Object value;
			try {
				value = getter.invoke(object);
			}
			catch (ReflectiveOperationException ex) {
				throw new IllegalStateException(ex);
			}
			if (getter.getName().equals("getAdditionalProperties")) {
				if (value instanceof Map<?, ?> extra && !extra.isEmpty()) {
					unknown.add(path + ": " + extra.keySet());
				}
			}
			else {
				unknownFields(value, path + "." + getter.getName().substring(3), unknown);
			}
		}
	}

	<T extends HasMetadata> List<T> all(Class<T> kind) {
		return objects.stream().filter(kind::isInstance).map(kind::cast).toList();
	}

	<T extends HasMetadata> Optional<T> find(Class<T> kind, String name) {
		return all(kind).stream().filter(object -> object.getMetadata().getName().equals(name)).findFirst();
	}

	<T extends HasMetadata> T get(Class<T> kind, String name) {
		return find(kind, name)
			.orElseThrow(() -> new AssertionError(overlay + ": no " + kind.getSimpleName() + " named " + name));
	}

	/** Every pod template with the name of its owner: Deployments, StatefulSets and Jobs. */
	Map<String, PodTemplateSpec> podTemplates() {
		Map<String, PodTemplateSpec> templates = new LinkedHashMap<>();
		all(Deployment.class).forEach(d -> templates.put("Deployment " + d.getMetadata().getName(), d.getSpec().getTemplate()));
		all(StatefulSet.class).forEach(s -> templates.put("StatefulSet " + s.getMetadata().getName(), s.getSpec().getTemplate()));
		all(Job.class).forEach(j -> templates.put("Job " + j.getMetadata().getName(), j.getSpec().getTemplate()));
		return templates;
	}

	/**
	 * The environment a container starts with: its ConfigMaps' entries ({@code envFrom}, in order) and then its own
	 * {@code env}; a value from a Secret is given as {@code secret:<name>/<key>}. A ConfigMap that is not rendered fails.
	 */
	Map<String, String> environment(Container container) {
		Map<String, String> env = new LinkedHashMap<>();
		for (EnvFromSource from : container.getEnvFrom()) {
			if (from.getConfigMapRef() != null) {
				env.putAll(get(ConfigMap.class, from.getConfigMapRef().getName()).getData());
			}
			else {
				throw new AssertionError(overlay + ": container " + container.getName() + " takes its environment from "
						+ "something other than a ConfigMap: " + from);
			}
		}
		for (EnvVar variable : container.getEnv()) {
			if (variable.getValueFrom() != null && variable.getValueFrom().getSecretKeyRef() != null) {
				var ref = variable.getValueFrom().getSecretKeyRef();
				env.put(variable.getName(), "secret:" + ref.getName() + "/" + ref.getKey());
			}
			else {
				env.put(variable.getName(), variable.getValue());
			}
		}
		return env;
	}
}
