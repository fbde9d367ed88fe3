package com.rapport.k8s;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;

/** Who a rendered overlay's NetworkPolicies let into a pod's port, as the cluster would decide it. */
final class NetworkPolicies {

	private static final String NAME = "app.kubernetes.io/name";

	private final Rendered objects;

	NetworkPolicies(Rendered objects) {
		this.objects = objects;
	}

	/** A policy selecting every pod with no ingress rule: what no other policy opens stays closed. */
	boolean denyAllByDefault() {
		return objects.all(NetworkPolicy.class).stream()
			.anyMatch(policy -> policy.getSpec().getPodSelector().getMatchLabels().isEmpty()
					&& policy.getSpec().getPodSelector().getMatchExpressions().isEmpty()
					&& policy.getSpec().getPolicyTypes().contains("Ingress") && policy.getSpec().getIngress().isEmpty());
	}

	boolean admits(String target, String port, String caller) {
		return admittedPods(target, port).contains(caller);
	}

	/** The pods (by name label, same namespace) let into {@code target}'s port named {@code port}. */
	Set<String> admittedPods(String target, String port) {
		Set<String> names = new HashSet<>();
		peers(target, port).filter(peer -> peer.getNamespaceSelector() == null && peer.getPodSelector() != null)
			.forEach(peer -> names.add(peer.getPodSelector().getMatchLabels().get(NAME)));
		return names;
	}

	/** Of {@code workloads}, those whose port named {@code port} the ingress controller's namespace may reach. */
	Set<String> reachableFromIngressController(List<String> workloads, String port) {
		Set<String> reachable = new HashSet<>();
		for (String workload : workloads) {
			if (peers(workload, port).anyMatch(peer -> peer.getNamespaceSelector() != null && "ingress-nginx"
				.equals(peer.getNamespaceSelector().getMatchLabels().get("kubernetes.io/metadata.name")))) {
				reachable.add(workload);
			}
		}
		return reachable;
	}

	private Stream<NetworkPolicyPeer> peers(String target, String port) {
		PodTemplateSpec pod = objects.podTemplates().entrySet().stream()
			.filter(entry -> entry.getKey().endsWith(" " + target)).map(Map.Entry::getValue).findFirst()
			.orElseThrow(() -> new AssertionError("no workload " + target));
		Map<String, String> labels = pod.getMetadata().getLabels();
		Integer number = pod.getSpec().getContainers().stream().flatMap(container -> container.getPorts().stream())
			.filter(p -> port.equals(p.getName())).map(p -> p.getContainerPort()).findFirst().orElse(null);
		return objects.all(NetworkPolicy.class).stream()
			.filter(policy -> !policy.getSpec().getPodSelector().getMatchLabels().isEmpty()
					&& labels.entrySet().containsAll(policy.getSpec().getPodSelector().getMatchLabels().entrySet()))
			.flatMap(policy -> policy.getSpec().getIngress().stream())
			.filter(rule -> covers(rule, port, number))
			.flatMap(rule -> rule.getFrom().stream());
	}

	private static boolean covers(NetworkPolicyIngressRule rule, String port, Integer number) {
		return rule.getPorts().isEmpty() || rule.getPorts().stream().anyMatch(p -> {
			IntOrString value = p.getPort();
			return value == null || port.equals(value.getStrVal()) || value.getIntVal() != null && value.getIntVal().equals(number);
		});
	}
}
