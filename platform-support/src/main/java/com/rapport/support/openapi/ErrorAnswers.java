package com.rapport.support.openapi;

import java.util.LinkedHashMap;
import java.util.Map;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;

/**
 * The error answers an operation can give, each a problem document ({@link ProblemSchema}), as
 * platform-support's {@code ProblemDetailsAdvice}, its security handlers and the gateway answer them.
 */
final class ErrorAnswers {

	private static final String PROBLEM_JSON = "application/problem+json";

	private ErrorAnswers() {
	}

	/** Adds the error answers that apply to the operation, keeping any it documents itself. */
	static void addTo(Operation operation, String httpMethod) {
		boolean hasBody = operation.getRequestBody() != null;
		boolean hasPathVariable = parameters(operation, "path");
		boolean hasInput = hasBody || parameters(operation, "query") || parameters(operation, "header");
		boolean changes = !httpMethod.equals("GET");
		// Documentation for partners' developers (English, like the rest of the document), not a refusal.
		Map<String, ApiResponse> documented = new LinkedHashMap<>();
		documented.put("400", problem("malformed", "The body or a parameter cannot be read (not JSON, a wrong type)."));
		documented.put("401", problem("unauthenticated", "No access token, or an expired or invalid one.")
			.addHeaderObject("WWW-Authenticate", header("The Bearer challenge (RFC 6750)")));
		documented.put("403", problem("forbidden", "The token lacks the scope this operation needs."));
		if (hasPathVariable) {
			documented.put("404", problem("not-found",
					"No such record, or one of an organisation the caller may not see (answered alike)."));
		}
		if (changes) {
			documented.put("409", problem("conflict",
					"The request clashes with the record's state or with a concurrent change; nothing was stored."));
		}
		if (hasBody) {
			documented.put("413", problem("too-large", "The body is larger than the service accepts."));
			documented.put("415", problem("unsupported-media-type", "The body is not `application/json` in UTF-8."));
		}
		if (hasInput) {
			documented.put("422", problem("validation",
					"A field or parameter breaks a rule: `errors` and `fieldCodes` name each one."));
		}
		documented.put("429", problem("rate-limited", "The client's request budget is spent (at the gateway).")
			.addHeaderObject("Retry-After", header("Seconds to wait before trying again")));
		documented.put("500", problem("internal", "An unexpected failure; nothing to fix on the caller's side."));
		documented.put("503", problem("unavailable", "A service this operation needs is down; try again later.")
			.addHeaderObject("Retry-After", header("Seconds to wait before trying again")));
		ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
		documented.forEach(responses::putIfAbsent);
		operation.setResponses(responses);
	}

	private static boolean parameters(Operation operation, String in) {
		return operation.getParameters() != null
				&& operation.getParameters().stream().map(Parameter::getIn).anyMatch(in::equals);
	}

	private static ApiResponse problem(String code, String description) {
		Schema<?> schema = new Schema<>().$ref(ProblemSchema.REF);
		return new ApiResponse().description(description + " (`code`: `" + code + "`)")
			.content(new Content().addMediaType(PROBLEM_JSON, new MediaType().schema(schema)));
	}

	private static Header header(String description) {
		Schema<String> schema = new Schema<>();
		schema.types(java.util.Set.of("string"));
		return new Header().description(description).schema(schema);
	}
}
