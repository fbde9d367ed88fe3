package com.rapport.support.openapi;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import com.rapport.support.web.Problems;
import io.swagger.v3.oas.models.media.Schema;

/** The RFC 9457 problem document every error answer carries, with the members Rapport adds. */
final class ProblemSchema {

	static final String NAME = "Problem";

	static final String REF = "#/components/schemas/" + NAME;

	private ProblemSchema() {
	}

	static Schema<Object> create() {
		Schema<Object> problem = new Schema<>().types(java.util.Set.of("object"))
			.description("An RFC 9457 problem document. Programs read `code` (the kind of failure), `reason` (the "
					+ "code of the detail's sentence) and `fieldCodes`; `title`, `detail` and `errors` are said in "
					+ "the language of the request's Accept-Language (English or Simplified Chinese).");
		problem.addProperty("type", string("A URI naming the kind of failure: " + Problems.TYPE_BASE
				+ "<code>").format("uri").examples(List.of(Problems.TYPE_BASE + "validation")));
		problem.addProperty("title", string("The kind of failure in words").examples(List.of("Invalid input")));
		problem.addProperty("status", new Schema<Object>().types(java.util.Set.of("integer")).format("int32")
			.minimum(BigDecimal.valueOf(400)).maximum(BigDecimal.valueOf(599)).description("The HTTP status")
			.examples(List.of(422)));
		problem.addProperty("detail", string("What went wrong with this request")
			.examples(List.of("Some fields are not valid.")));
		problem.addProperty("instance", string("The request's path").format("uri-reference"));
		problem.addProperty("code", string("The kind of failure, stable for programs: not-found, conflict, "
				+ "validation, forbidden, unauthenticated, unavailable, internal, malformed, too-large, "
				+ "unsupported-media-type, method-not-allowed, not-acceptable, rate-limited")
			.examples(List.of("validation")));
		problem.addProperty("reason", string("The code of the detail's sentence, stable for programs")
			.examples(List.of("problem.invalid-fields")));
		problem.addProperty("errors", stringMap("Each rejected field with what is wrong, in words")
			.examples(List.of(Map.of("customerId", "must not be blank"))));
		problem.addProperty("fieldCodes", stringMap("Each rejected field with the code of what is wrong")
			.examples(List.of(Map.of("customerId", "NotBlank"))));
		problem.required(List.of("type", "title", "status", "code"));
		return problem;
	}

	private static Schema<String> string(String description) {
		Schema<String> schema = new Schema<>();
		schema.types(java.util.Set.of("string"));
		return schema.description(description);
	}

	private static Schema<Object> stringMap(String description) {
		Schema<Object> schema = new Schema<>();
		schema.types(java.util.Set.of("object"));
		Schema<String> value = new Schema<>();
		value.types(java.util.Set.of("string"));
		return schema.additionalProperties(value).description(description);
	}
}
