package com.rapport.support.openapi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.responses.ApiResponse;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;

/**
 * A service's examples, kept in one readable file beside its code ({@code openapi/examples.json} on its class
 * path) rather than as strings in annotations: per operation id, the request body, each parameter's value and
 * the answer of each status. The contract test replays them against the service, so they stay true.
 */
final class OperationExamples {

	static final String RESOURCE = "openapi/examples.json";

	private final JsonNode examples;

	private OperationExamples(JsonNode examples) {
		this.examples = examples;
	}

	static OperationExamples load() {
		Resource resource = new ClassPathResource(RESOURCE);
		if (!resource.exists()) {
			return new OperationExamples(Json.mapper().createObjectNode());
		}
		try (InputStream in = resource.getInputStream()) {
			return new OperationExamples(Json.mapper().readTree(in));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + RESOURCE, ex);
		}
	}

	void addTo(Operation operation) {
		JsonNode mine = examples.path(String.valueOf(operation.getOperationId()));
		if (mine.isMissingNode()) {
			return;
		}
		if (mine.has("request") && operation.getRequestBody() != null
				&& operation.getRequestBody().getContent() != null) {
			operation.getRequestBody().getContent().values()
				.forEach(media -> media.setExample(value(mine.get("request"))));
		}
		if (mine.has("parameters") && operation.getParameters() != null) {
			operation.getParameters().forEach(parameter -> {
				JsonNode value = mine.get("parameters").get(parameter.getName());
				if (value != null) {
					parameter.setExample(value(value));
				}
			});
		}
		if (mine.has("responses") && operation.getResponses() != null) {
			mine.get("responses").properties().forEach(entry -> {
				ApiResponse response = operation.getResponses().get(entry.getKey());
				if (response != null && response.getContent() != null) {
					for (Map.Entry<String, MediaType> media : response.getContent().entrySet()) {
						media.getValue().setExample(value(entry.getValue()));
					}
				}
			});
		}
	}

	private static Object value(JsonNode node) {
		return node.isTextual() ? node.asText() : Json.mapper().convertValue(node, Object.class);
	}
}
