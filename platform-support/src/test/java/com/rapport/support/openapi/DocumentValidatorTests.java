package com.rapport.support.openapi;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.rapport.support.test.openapi.DocumentValidators;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The validator {@code PartnerApiDocumentContract} replays the examples with ({@link DocumentValidators}) reads
 * OpenAPI 3.1 documents as springdoc writes them and refuses an answer or a request that breaks the document: the
 * contract test can fail.
 */
class DocumentValidatorTests {

	private static final String DOCUMENT = """
			{"openapi": "3.1.0", "info": {"title": "t", "version": "v1"},
			 "paths": {"/api/things/v1/things/{id}": {
			   "get": {"operationId": "getThing",
			     "parameters": [{"in": "path", "name": "id", "required": true, "schema": {"type": "string"}}],
			     "responses": {"200": {"description": "OK", "content": {"application/json": {"schema":
			       {"$ref": "#/components/schemas/Thing"}}}}}},
			   "put": {"operationId": "putThing",
			     "parameters": [{"in": "path", "name": "id", "required": true, "schema": {"type": "string"}}],
			     "requestBody": {"required": true, "content": {"application/json": {"schema":
			       {"$ref": "#/components/schemas/Thing"}}}},
			     "responses": {"200": {"description": "OK"}}}}},
			 "components": {"schemas": {"Thing": {"type": "object", "required": ["name"], "properties": {
			   "name": {"type": "string", "maxLength": 5, "examples": ["chair"]},
			   "count": {"type": ["integer", "null"], "format": "int32"},
			   "part": {"anyOf": [{"$ref": "#/components/schemas/Part"}, {"type": "null"}]}}},
			   "Part": {"type": "object", "required": ["sku"], "properties": {"sku": {"type": "string"}}}}}}
			""";

	private final OpenApiInteractionValidator validator = DocumentValidators.of(DOCUMENT);

	@Test
	void anAnswerThatMatchesTheDocumentPasses() {
		assertThat(validateAnswer("{\"name\": \"chair\", \"count\": 3}").hasErrors()).isFalse();
	}

	@Test
	void aValueOrReferenceThatMayBeNullMayBeNullAndIsCheckedOtherwise() {
		assertThat(validateAnswer("{\"name\": \"chair\", \"count\": null}").getMessages()).isEmpty();
		assertThat(validateAnswer("{\"name\": \"chair\", \"part\": null}").getMessages()).isEmpty();
		assertThat(validateAnswer("{\"name\": \"chair\", \"part\": {\"sku\": \"L-1\"}}").hasErrors()).isFalse();
		assertThat(validateAnswer("{\"name\": \"chair\", \"part\": {\"sku\": 1}}").hasErrors()).isTrue();
		assertThat(validateAnswer("{\"name\": \"chair\", \"part\": {}}").hasErrors()).isTrue();
		assertThat(validateAnswer("{\"name\": null}").hasErrors()).isTrue();
	}

	@Test
	void anAnswerOfAnotherShapeIsCaught() {
		assertThat(validateAnswer("{\"name\": \"chair\", \"count\": \"three\"}").hasErrors()).isTrue();
		assertThat(validateAnswer("{\"count\": 3}").hasErrors()).isTrue();
		assertThat(validateAnswer("{\"name\": \"a long chair\"}").hasErrors()).isTrue();
	}

	@Test
	void aRequestBodyOfAnotherShapeIsCaught() {
		SimpleRequest good = SimpleRequest.Builder.put("/api/things/v1/things/7").withContentType("application/json")
			.withBody("{\"name\": \"desk\"}").build();
		SimpleRequest bad = SimpleRequest.Builder.put("/api/things/v1/things/7").withContentType("application/json")
			.withBody("{\"count\": 1}").build();
		assertThat(validator.validateRequest(good).hasErrors()).isFalse();
		assertThat(validator.validateRequest(bad).hasErrors()).isTrue();
	}

	private ValidationReport validateAnswer(String body) {
		return validator.validateResponse("/api/things/v1/things/7", Request.Method.GET,
				SimpleResponse.Builder.ok().withContentType("application/json").withBody(body).build());
	}
}
