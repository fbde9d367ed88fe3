package com.rapport.k8s;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code k8s/observability}: it renders (a PodMonitor, the PrometheusRule and the Grafana dashboard's ConfigMap), and
 * every metric its alert rules and dashboard name is one the platform registers: listed in {@code metrics.txt},
 * whose every meter is registered by the module it names (its name, quoted, in that module's main sources). A
 * dashboard or rule naming a metric nobody registers fails the build, and so does a meter renamed in the code.
 */
class ObservabilityTests {

	static final Path DIR = Kustomize.ROOT.resolve(Path.of("k8s", "observability"));

	/** PromQL's words that are not metric names. */
	private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "offset", "bool", "by", "without", "on",
			"ignoring", "group_left", "group_right", "inf", "nan");

	private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

	private static final ObjectMapper JSON = new ObjectMapper();

	record Listed(String prometheusName, String meterName, String module) {
	}

	static Map<String, Listed> listed() throws IOException {
		Map<String, Listed> metrics = new LinkedHashMap<>();
		for (String line : Files.readAllLines(DIR.resolve("metrics.txt"))) {
			String text = line.strip();
			if (text.isEmpty() || text.startsWith("#")) {
				continue;
			}
			String[] fields = text.split("\\s+");
			assertThat(fields).as(line).hasSize(3);
			metrics.put(fields[0], new Listed(fields[0], fields[1], fields[2]));
		}
		return metrics;
	}

	/** The metric names a PromQL expression reads. */
	static Set<String> metricsOf(String promql) {
		String expr = promql.replaceAll("\"(\\\\.|[^\"])*\"", "\"\"")
			.replaceAll("\\{[^}]*\\}", " ")
			.replaceAll("\\[[^]]*\\]", " ")
			.replaceAll("(?i)\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ")
			.replaceAll("label_values\\(\\s*([a-zA-Z_:][a-zA-Z0-9_:]*)\\s*,[^)]*\\)", "$1");
		Set<String> names = new LinkedHashSet<>();
		Matcher token = Pattern.compile("(?<![0-9A-Za-z_:.$])([a-zA-Z_:][a-zA-Z0-9_:]*)(\\s*\\()?").matcher(expr);
		while (token.find()) {
			boolean function = token.group(2) != null;
			if (!function && !KEYWORDS.contains(token.group(1).toLowerCase())) {
				names.add(token.group(1));
			}
		}
		return names;
	}

	static List<String> ruleExpressions() throws IOException {
		List<String> expressions = new ArrayList<>();
		for (JsonNode group : YAML.readTree(DIR.resolve("alert-rules.yaml").toFile()).path("spec").path("groups")) {
			for (JsonNode rule : group.path("rules")) {
				assertThat(rule.path("expr").asText()).as(rule.toString()).isNotBlank();
				expressions.add(rule.path("expr").asText());
			}
		}
		return expressions;
	}

	static List<String> dashboardExpressions() throws IOException {
		JsonNode dashboard = JSON.readTree(DIR.resolve("rapport-dashboard.json").toFile());
		List<String> expressions = new ArrayList<>();
		dashboard.findValues("expr").forEach(expr -> expressions.add(expr.asText()));
		for (JsonNode variable : dashboard.path("templating").path("list")) {
			if (variable.path("type").asText().equals("query")) {
				expressions.add(variable.path("query").path("query").asText());
			}
		}
		return expressions;
	}

	@Test
	void everyMetricTheRulesAndTheDashboardNameIsOneThePlatformRegisters() throws IOException {
		Set<String> known = listed().keySet();
		List<String> rules = ruleExpressions();
		List<String> panels = dashboardExpressions();
		assertThat(rules).hasSizeGreaterThanOrEqualTo(5);
		assertThat(panels).hasSizeGreaterThanOrEqualTo(5);
		for (String expr : Stream.concat(rules.stream(), panels.stream()).toList()) {
			assertThat(metricsOf(expr)).as("metrics of %s", expr).isNotEmpty().allSatisfy(
					metric -> assertThat(known).as("%s (in %s) is not in metrics.txt", metric, expr).contains(metric));
		}
	}

	@Test
	void everyListedMeterIsRegisteredByTheModuleItNames() throws IOException {
		for (Listed metric : listed().values()) {
			if (metric.module().equals("prometheus") || metric.module().equals("spring-boot")) {
				continue;
			}
			assertThat(metric.prometheusName()).as("Prometheus's name of %s", metric.meterName())
				.startsWith(metric.meterName().replace('.', '_'));
			Path sources = Kustomize.ROOT.resolve(Path.of(metric.module(), "src", "main", "java"));
			assertThat(sources).as(metric.module()).isDirectory();
			try (Stream<Path> files = Files.walk(sources)) {
				assertThat(files.filter(file -> file.toString().endsWith(".java")).filter(file -> {
					try {
						return Files.readString(file).contains("\"" + metric.meterName() + "\"");
					}
					catch (IOException ex) {
						throw new IllegalStateException(ex);
					}
				})).as("%s registered in %s", metric.meterName(), sources).isNotEmpty();
			}
		}
	}

	@Test
	void theExtractionFindsMetricsAndNothingElse() {
		assertThat(metricsOf("sum by (namespace, outbox) (increase(rapport_outbox_relayed_total{outcome=\"a b\"}[15m])) > 0"
				+ " unless on (outbox) max(rapport_outbox_backlog offset 1h) / up"))
			.containsExactlyInAnyOrder("rapport_outbox_relayed_total", "rapport_outbox_backlog", "up");
		assertThat(metricsOf("label_values(rapport_outbox_backlog, namespace)")).containsExactly("rapport_outbox_backlog");
	}

	@Test
	void itRendersAsAPodMonitorOnEveryModulesHttpPortTheRulesAndTheDashboard() throws Exception {
		String rendered = Kustomize.render(DIR);
		Map<String, JsonNode> objects = new LinkedHashMap<>();
		try (YAMLParser parser = new YAMLFactory().createParser(rendered)) {
			for (JsonNode object : YAML.readValues(parser, JsonNode.class).readAll()) {
				objects.put(object.path("kind").asText() + " " + object.path("metadata").path("name").asText(), object);
			}
		}
		assertThat(objects).containsOnlyKeys("PodMonitor rapport", "PrometheusRule rapport",
				"ConfigMap rapport-grafana-dashboard");
		JsonNode monitor = objects.get("PodMonitor rapport").path("spec");
		assertThat(monitor.path("podMetricsEndpoints").get(0).path("port").asText()).isEqualTo("http");
		assertThat(monitor.path("podMetricsEndpoints").get(0).path("path").asText()).isEqualTo("/actuator/prometheus");
		assertThat(monitor.toString()).contains("front").contains("service");
		JsonNode dashboard = objects.get("ConfigMap rapport-grafana-dashboard");
		assertThat(dashboard.path("metadata").path("labels").path("grafana_dashboard").asText()).isEqualTo("1");
		assertThat(JSON.readTree(dashboard.path("data").path("rapport-dashboard.json").asText()).path("uid").asText())
			.isEqualTo("rapport-business");
	}
}
