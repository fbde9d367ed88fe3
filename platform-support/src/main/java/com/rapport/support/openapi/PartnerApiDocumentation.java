package com.rapport.support.openapi;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Contact;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.security.OAuthFlow;
import io.swagger.v3.oas.models.security.OAuthFlows;
import io.swagger.v3.oas.models.security.Scopes;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import io.swagger.v3.oas.models.tags.Tag;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.method.HandlerMethod;

/**
 * Shapes springdoc's document of a service into its partner API's contract. An operation belongs to the partner
 * API when its {@code @PreAuthorize} grants it to an OAuth2 scope ({@code hasAuthority('SCOPE_orders.read')});
 * those scopes become its security requirement. Routes only people (through portal-web and the console) or
 * services reach are left out, as is every schema only they use.
 */
@AutoConfiguration
@ConditionalOnClass(OperationCustomizer.class)
@ConditionalOnProperty(prefix = "rapport.openapi", name = "title")
@EnableConfigurationProperties(PartnerApiProperties.class)
public class PartnerApiDocumentation {

	/** The security scheme's name in every document. */
	public static final String SCHEME = "partnerToken";

	/** Marks an operation that is not a partner's, to be removed once the whole document is built. */
	static final String NOT_FOR_PARTNERS = "x-rapport-not-for-partners";

	private static final String IDEMPOTENCY_KEY = "Idempotency-Key";

	private static final Pattern SCOPE = Pattern.compile("SCOPE_([A-Za-z0-9_.:-]+)");

	private static final Pattern SCHEMA_REF = Pattern.compile("#/components/schemas/([A-Za-z0-9_.-]+)");

	@Bean
	OpenAPI partnerApi(PartnerApiProperties properties) {
		Scopes scopes = new Scopes();
		new TreeMap<>(properties.scopes()).forEach(scopes::addString);
		return new OpenAPI()
			.info(new Info().title(properties.title()).description(properties.description())
				.version(properties.version())
				.contact(new Contact().name("Rapport partner API reference").url(properties.serverUrl() + "/api/docs/")))
			.servers(List.of(new Server().url(properties.serverUrl()).description("The gateway")))
			.components(new Components()
				.addSecuritySchemes(SCHEME, new SecurityScheme().type(SecurityScheme.Type.OAUTH2)
					.description("A client-credentials token from Keycloak, sent as `Authorization: Bearer <token>`.")
					.flows(new OAuthFlows().clientCredentials(
							new OAuthFlow().tokenUrl(properties.tokenUrl()).scopes(scopes)))));
	}

	@Bean
	OperationCustomizer partnerOperations() {
		OperationExamples examples = OperationExamples.load();
		return (operation, handler) -> {
			Set<String> scopes = scopesOf(handler);
			if (scopes.isEmpty()) {
				operation.addExtension(NOT_FOR_PARTNERS, true);
				return operation;
			}
			operation.addSecurityItem(new SecurityRequirement().addList(SCHEME, new ArrayList<>(scopes)));
			if (operation.getParameters() != null) {
				operation.getParameters().stream()
					.filter(parameter -> "header".equals(parameter.getIn()) && IDEMPOTENCY_KEY.equals(parameter.getName()))
					.forEach(parameter -> describeIdempotencyKey(parameter, operation));
			}
			examples.addTo(operation);
			return operation;
		};
	}

	/** Runs on the whole document: drops what is not for partners, then adds the error answers. */
	@Bean
	GlobalOpenApiCustomizer onlyPartnerOperations() {
		return openApi -> {
			if (openApi.getPaths() != null) {
				openApi.getPaths().entrySet().removeIf(path -> {
					path.getValue().readOperationsMap().forEach((method, operation) -> {
						if (operation.getExtensions() != null && operation.getExtensions().containsKey(NOT_FOR_PARTNERS)) {
							path.getValue().operation(method, null);
						}
						else {
							ErrorAnswers.addTo(operation, method.name());
						}
					});
					return path.getValue().readOperations().isEmpty();
				});
			}
			if (openApi.getComponents() == null) {
				openApi.setComponents(new Components());
			}
			openApi.getComponents().addSchemas(ProblemSchema.NAME, ProblemSchema.create());
			keepOnlyUsedSchemas(openApi);
			optionalMayBeNull(openApi);
			declareTags(openApi);
		};
	}

	/** The rule every partner write that takes an {@code Idempotency-Key} applies (README "Partner API"). */
	private static void describeIdempotencyKey(Parameter parameter, Operation operation) {
		Schema<String> key = new Schema<>();
		key.types(Set.of("string"));
		parameter.description("Makes a retry safe: the same key with the same request replays the first answer "
				+ "instead of writing twice; the same key with another request within 24 hours is refused (422, "
				+ "`idempotency.key-reused`), and a repeat while the first is still being answered may get 409. 1 to 200 "
				+ "visible ASCII characters, such as the partner's own id of the change.")
			.schema(key.minLength(1).maxLength(200).pattern("^[\\x21-\\x7E]{1,200}$"));
		if (operation.getResponses() != null) {
			Schema<String> replayed = new Schema<>();
			replayed.types(Set.of("string"));
			replayed.addEnumItemObject("true");
			operation.getResponses().forEach((status, response) -> {
				if (status.startsWith("2")) {
					response.addHeaderObject("Idempotent-Replayed", new Header()
						.description("`true` when this is the first answer again, for a repeat of the same key and "
								+ "request; nothing new was written")
						.schema(replayed));
				}
			});
		}
	}

	/** The scopes named by the handler's {@code @PreAuthorize}, on its method or else its class. */
	static Set<String> scopesOf(HandlerMethod handler) {
		PreAuthorize rule = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), PreAuthorize.class);
		if (rule == null) {
			rule = AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), PreAuthorize.class);
		}
		Set<String> scopes = new LinkedHashSet<>();
		if (rule != null) {
			Matcher matcher = SCOPE.matcher(rule.value());
			while (matcher.find()) {
				scopes.add(matcher.group(1));
			}
		}
		return scopes;
	}

	/**
	 * The services write an absent value as {@code null} (Jackson's default), so every property a schema does not
	 * require may be {@code null}: {@code type: [..., "null"]}, or {@code anyOf} a reference and {@code null}.
	 */
	@SuppressWarnings({ "rawtypes", "unchecked" })
	private static void optionalMayBeNull(OpenAPI openApi) {
		Map<String, Schema> schemas = openApi.getComponents().getSchemas();
		if (schemas == null) {
			return;
		}
		schemas.forEach((name, schema) -> {
			if (schema.getProperties() == null || name.equals(ProblemSchema.NAME)) {
				return;
			}
			List<String> required = schema.getRequired() == null ? List.of() : schema.getRequired();
			Map<String, Schema> properties = schema.getProperties();
			properties.replaceAll((property, value) -> {
				if (required.contains(property)) {
					return value;
				}
				if (value.get$ref() != null) {
					Schema nothing = new Schema<>();
					nothing.types(Set.of("null"));
					return new Schema<>().anyOf(List.of(value, nothing));
				}
				if (value.getTypes() != null && !value.getTypes().contains("null")) {
					Set<String> types = new java.util.LinkedHashSet<>(value.getTypes());
					types.add("null");
					value.setTypes(types);
				}
				return value;
			});
		});
	}

	/** Every tag an operation names is declared at the top, in the order of the operations. */
	private static void declareTags(OpenAPI openApi) {
		Set<String> declared = new LinkedHashSet<>();
		if (openApi.getTags() != null) {
			openApi.getTags().forEach(tag -> declared.add(tag.getName()));
		}
		if (openApi.getPaths() != null) {
			openApi.getPaths().values().forEach(path -> path.readOperations().stream()
				.filter(operation -> operation.getTags() != null).flatMap(operation -> operation.getTags().stream())
				.filter(declared::add).forEach(name -> openApi.addTagsItem(new Tag().name(name))));
		}
	}

	private static void keepOnlyUsedSchemas(OpenAPI openApi) {
		Map<String, Schema> schemas = openApi.getComponents() == null ? null : openApi.getComponents().getSchemas();
		if (schemas == null) {
			return;
		}
		Set<String> used = new LinkedHashSet<>();
		List<String> pending = new ArrayList<>(references(openApi.getPaths()));
		while (!pending.isEmpty()) {
			String name = pending.remove(pending.size() - 1);
			if (used.add(name) && schemas.containsKey(name)) {
				pending.addAll(references(schemas.get(name)));
			}
		}
		schemas.keySet().retainAll(used);
	}

	private static Set<String> references(Object part) {
		Set<String> names = new LinkedHashSet<>();
		try {
			Matcher matcher = SCHEMA_REF.matcher(Json.mapper().writeValueAsString(part));
			while (matcher.find()) {
				names.add(matcher.group(1));
			}
		}
		catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
		return names;
	}
}
