package com.rapport.support.test.openapi;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rapport.support.test.TestJwtRequests;
import com.rapport.support.test.TestTokens;
import com.rapport.support.test.matrix.AuthorizationMatrix;
import com.rapport.support.test.matrix.Caller;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static com.atlassian.oai.validator.mockmvc.OpenApiValidationMatchers.openApi;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

/**
 * Holds a service's partner API document to the service (root README "Partner API"):
 * <ul>
 * <li>it lists exactly the routes the authorisation matrix opens to a partner's scope, and no other;</li>
 * <li>it is the document checked in under {@code partner-client/src/main/openapi/} (linted and turned into the
 * Java client there), so a change of the contract shows in review; {@code -Drapport.openapi.update=true}
 * writes it anew;</li>
 * <li>every operation's example is replayed against the service, and the request and the real answer are
 * validated against the document (Atlassian's swagger-request-validator, {@link DocumentValidators}).</li>
 * </ul>
 * A service's test extends this with {@code @SpringBootTest}, {@code @AutoConfigureMockMvc} and
 * {@code @Import(TestTokens.DecoderConfiguration.class)}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class PartnerApiDocumentContract {

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

	@Autowired
	private MockMvc mvc;

	@Value("${springdoc.api-docs.path}")
	private String documentPath;

	/** The document's file name without extension, such as {@code orders-v1}. */
	protected abstract String documentName();

	/**
	 * The operation ids in the order their examples are replayed: a record is created before it is read or
	 * changed. Every operation of the document is listed.
	 */
	protected abstract List<String> replayOrder();

	/** Makes what the examples take for granted exist (the organisation they name), before the replay. */
	protected void prepareExamples() {
	}

	/**
	 * The value replayed for a path variable: its example, unless the record it names gets its id only when the
	 * replay creates it (an order's generated id), which the service's test looks up here.
	 */
	protected String pathValue(String operationId, String name, String example) {
		return example;
	}

	@Test
	void documentListsExactlyThePartnerRoutesOfTheAuthorizationMatrix() throws Exception {
		Set<String> documented = new TreeSet<>();
		document().path("paths").properties().forEach(path -> path.getValue().properties().stream()
			.filter(operation -> METHODS.contains(operation.getKey()))
			.forEach(operation -> documented.add("REST " + operation.getKey().toUpperCase() + " " + path.getKey())));
		assertThat(documented).as("operations of the document").isNotEmpty()
			.containsExactlyInAnyOrderElementsOf(partnerRoutesOfTheMatrix());
	}

	@Test
	void documentIsTheCheckedInContract() throws Exception {
		String current = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(document()) + "\n";
		Path checkedIn = Path.of("..", "partner-client", "src", "main", "openapi", documentName() + ".json");
		if (Boolean.getBoolean("rapport.openapi.update")) {
			Files.createDirectories(checkedIn.getParent());
			Files.writeString(checkedIn, current, StandardCharsets.UTF_8);
		}
		assertThat(checkedIn).as("the checked-in document (run this test with -Drapport.openapi.update=true to "
				+ "write it anew, and review the change of the contract)").exists();
		assertThat(Files.readString(checkedIn, StandardCharsets.UTF_8)).as(checkedIn + " is the service's document")
			.isEqualTo(current);
	}

	@Test
	void documentIsServedWithoutATokenAsJsonAndYaml() throws Exception {
		assertThat(mvc.perform(get(documentPath)).andReturn().getResponse().getStatus()).isEqualTo(200);
		MvcResult yaml = mvc.perform(get(documentPath + ".yaml")).andReturn();
		assertThat(yaml.getResponse().getStatus()).isEqualTo(200);
		assertThat(yaml.getResponse().getContentAsString()).startsWith("openapi: 3.1");
	}

	@TestFactory
	Stream<DynamicTest> everyExampleIsAnsweredAsTheDocumentSays() throws Exception {
		JsonNode document = document();
		Map<String, Operation> operations = operations(document);
		assertThat(replayOrder()).as("operations replayed").containsExactlyInAnyOrderElementsOf(operations.keySet());
		OpenApiInteractionValidator validator = DocumentValidators.of(JSON.writeValueAsString(document));
		prepareExamples();
		return replayOrder().stream().map(id -> DynamicTest.dynamicTest(id, () -> replay(operations.get(id), validator)));
	}

	private void replay(Operation operation, OpenApiInteractionValidator validator) throws Exception {
		String uri = operation.path();
		List<String[]> query = new ArrayList<>();
		List<String[]> headers = new ArrayList<>();
		for (JsonNode parameter : operation.node().path("parameters")) {
			JsonNode example = parameter.path("example");
			String name = parameter.path("name").asText();
			boolean required = parameter.path("required").asBoolean(false);
			assertThat(example.isMissingNode() && required).as("%s: parameter %s has no example", operation.id(), name)
				.isFalse();
			if (example.isMissingNode()) {
				continue;
			}
			switch (parameter.path("in").asText()) {
				case "path" -> uri = uri.replace("{" + name + "}", pathValue(operation.id(), name, example.asText()));
				case "query" -> query.add(new String[] { name, example.asText() });
				case "header" -> headers.add(new String[] { name, example.asText() });
				default -> throw new IllegalStateException(name);
			}
		}
		MockHttpServletRequestBuilder request = request(HttpMethod.valueOf(operation.method().toUpperCase()), uri)
			.with(TestJwtRequests.as(TestTokens.partner(String.join(" ", operation.scopes()))))
			.accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON);
		query.forEach(pair -> request.queryParam(pair[0], pair[1]));
		headers.forEach(pair -> request.header(pair[0], pair[1]));
		JsonNode body = operation.node().path("requestBody");
		if (!body.isMissingNode()) {
			JsonNode example = body.path("content").path("application/json").path("example");
			assertThat(example.isMissingNode()).as("%s: the request body has no example", operation.id()).isFalse();
			request.contentType(MediaType.APPLICATION_JSON).content(JSON.writeValueAsString(example));
		}
		MvcResult result = mvc.perform(request).andExpect(openApi().isValid(validator)).andReturn();
		assertThat(result.getResponse().getStatus()).as("%s answered %s", operation.id(),
				result.getResponse().getContentAsString()).isBetween(200, 299);
		assertThat(operation.node().path("responses").has(String.valueOf(result.getResponse().getStatus())))
			.as("%s: status %d is documented", operation.id(), result.getResponse().getStatus()).isTrue();
	}

	private Set<String> partnerRoutesOfTheMatrix() {
		AuthorizationMatrix matrix = AuthorizationMatrix.load("authorization-matrix.txt");
		Set<String> routes = new TreeSet<>();
		matrix.rows().forEach((endpoint, outcomes) -> {
			if (!endpoint.startsWith("REST ") || endpoint.endsWith(" " + documentPath)
					|| endpoint.endsWith(" " + documentPath + ".yaml")) {
				return;
			}
			for (int i = 0; i < matrix.callers().size(); i++) {
				Caller caller = matrix.callers().get(i);
				boolean partner = caller == Caller.PARTNER_READ || caller == Caller.PARTNER_WRITE;
				if (partner && !outcomes.get(i).equals("401") && !outcomes.get(i).equals("403")) {
					routes.add(endpoint.replaceAll("\\s+", " "));
				}
			}
		});
		return routes;
	}

	private JsonNode document() throws Exception {
		MvcResult result = mvc.perform(get(documentPath)).andReturn();
		assertThat(result.getResponse().getStatus()).as("GET " + documentPath).isEqualTo(200);
		return JSON.readTree(result.getResponse().getContentAsByteArray());
	}

	private static Map<String, Operation> operations(JsonNode document) {
		Map<String, Operation> operations = new java.util.LinkedHashMap<>();
		document.path("paths").properties().forEach(path -> path.getValue().properties().forEach(entry -> {
			if (METHODS.contains(entry.getKey())) {
				Set<String> scopes = new TreeSet<>();
				entry.getValue().path("security").forEach(requirement -> requirement.properties()
					.forEach(scheme -> scheme.getValue().forEach(scope -> scopes.add(scope.asText()))));
				String id = entry.getValue().path("operationId").asText();
				if (operations.put(id, new Operation(id, entry.getKey(), path.getKey(), scopes, entry.getValue())) != null) {
					throw new IllegalStateException("operationId " + id + " appears twice");
				}
			}
		}));
		return operations;
	}

	private record Operation(String id, String method, String path, Set<String> scopes, JsonNode node) {
	}
}
