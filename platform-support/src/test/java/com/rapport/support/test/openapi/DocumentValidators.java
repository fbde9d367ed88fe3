package com.rapport.support.test.openapi;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A validator of requests and answers against a service's OpenAPI 3.1 document. swagger-request-validator 2.x
 * (3.x needs Java 21) reads a 3.1 document but then checks no property's type; springdoc's 3.1 documents use
 * only what OpenAPI 3.0 says the same way (one {@code type} per schema), but for a schema's {@code examples}. So
 * the validator is given the same document declared 3.0: each schema's {@code examples} its first {@code example},
 * a type or {@code null} as the type and {@code nullable}: nothing it checks changes meaning, and every type is
 * checked ({@code DocumentValidatorTests}).
 */
public final class DocumentValidators {

	private static final ObjectMapper JSON = new ObjectMapper();

	private DocumentValidators() {
	}

	public static OpenApiInteractionValidator of(String document) {
		try {
			ObjectNode copy = (ObjectNode) JSON.readTree(document);
			if (copy.path("openapi").asText().startsWith("3.1")) {
				copy.put("openapi", "3.0.3");
				// 3.1's webhooks (the requests a service sends partners) are unknown to 3.0 and answer nothing here.
				copy.remove("webhooks");
				asOpenApi30(copy, (ObjectNode) copy.path("components").path("schemas"));
			}
			return OpenApiInteractionValidator.createForInlineApiSpecification(JSON.writeValueAsString(copy)).build();
		}
		catch (java.io.IOException ex) {
			throw new IllegalArgumentException("Not a JSON document", ex);
		}
	}

	private static void asOpenApi30(JsonNode node, ObjectNode schemas) {
		if (node instanceof ObjectNode object) {
			if (object.get("type") instanceof ArrayNode types) {
				// ["string", "null"]: 3.0 says "string" and nullable
				String other = null;
				for (JsonNode type : types) {
					if (!type.asText().equals("null")) {
						other = type.asText();
					}
				}
				object.put("type", other);
				object.put("nullable", true);
			}
			if (object.get("anyOf") instanceof ArrayNode anyOf && anyOf.size() == 2
					&& anyOf.get(1).path("type").asText().equals("null")) {
				// a reference or null: 3.0 says the referenced schema itself, nullable (a reference has no siblings)
				String name = anyOf.get(0).path("$ref").asText().replace("#/components/schemas/", "");
				object.remove("anyOf");
				object.setAll(((ObjectNode) schemas.get(name)).deepCopy());
				object.put("nullable", true);
			}
			if (object.get("examples") instanceof ArrayNode examples) {
				object.remove("examples");
				if (!examples.isEmpty()) {
					object.set("example", examples.get(0));
				}
			}
			object.properties().forEach(entry -> asOpenApi30(entry.getValue(), schemas));
		}
		else if (node instanceof ArrayNode array) {
			array.forEach(item -> asOpenApi30(item, schemas));
		}
	}
}
