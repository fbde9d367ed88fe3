package com.rapport.ordertracking.webhook;

import java.util.List;
import java.util.Map;

import com.rapport.ordertracking.order.OrderEvent;
import com.rapport.ordertracking.order.OrderHooks;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The webhook events in the partner API's OpenAPI document (OpenAPI 3.1 {@code webhooks}): one entry per event kind
 * a subscription may name, each the signed {@code POST} a receiver gets, with the body's schema (in each entry:
 * springdoc drops a component schema that no path names) and the headers; README "Webhooks" says how a receiver
 * verifies the signature.
 */
@Configuration(proxyBeanMethods = false)
class WebhookDocumentation {

	@Bean
	GlobalOpenApiCustomizer webhookEvents() {
		return openApi -> {
			for (OrderEvent.Kind kind : OrderHooks.KINDS) {
				openApi.addWebhooks(kind.name(), new PathItem().post(operation(kind)));
			}
		};
	}

	private static Operation operation(OrderEvent.Kind kind) {
		return new Operation().operationId("webhook" + camel(kind.name()))
			.summary(SUMMARIES.get(kind))
			.description("Sent to each enabled subscription that names " + kind.name() + ", signed with its secret "
					+ "(Rapport-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, \"<t>.<body>\")>). Retried "
					+ "with backoff until the receiver answers 2xx; the same Rapport-Delivery-Id on every try.")
			.parameters(List.of(header("Rapport-Delivery-Id", "The delivery's id: the same on every try and replay."),
					header("Rapport-Event-Type", "The event kind, " + kind.name() + "."),
					header("Rapport-Timestamp", "When this try was signed, in Unix seconds."),
					header("Rapport-Signature", "t=<unix seconds>,v1=<hex HMAC-SHA256 of \"<t>.<body>\">.")))
			.requestBody(new RequestBody().required(true).content(new Content().addMediaType("application/json",
					new MediaType().schema(body()))))
			.responses(new ApiResponses().addApiResponse("2XX",
					new ApiResponse().description("Delivered; anything else is tried again later.")));
	}

	private static Parameter header(String name, String description) {
		return new HeaderParameter().name(name).required(true).description(description)
			.schema(typed("string"));
	}

	@SuppressWarnings("rawtypes")
	private static Schema<?> body() {
		Schema<Object> text = typed("string");
		Map<String, Schema> properties = new java.util.LinkedHashMap<>();
		properties.put("id", typed("string").description("The delivery's id (Rapport-Delivery-Id)."));
		properties.put("eventId", typed("string").description("The event's id, one per event."));
		Schema<String> kind = new Schema<>();
		kind.type("string").addType("string");
		kind.setEnum(OrderHooks.KINDS.stream().map(Enum::name).toList());
		properties.put("type", kind.description("The event kind."));
		properties.put("occurredAt", typed("string").format("date-time"));
		properties.put("order", typed("object").description("The order (every kind but DRAFT_CREATED).")
			.addProperty("id", text).addProperty("customerId", text).addProperty("orderNumber", text));
		properties.put("draft", typed("object")
			.description("The draft order (DRAFT_CREATED only): confirm it with POST /api/orders/v1/drafts/{draftNumber}/confirmation.")
			.addProperty("draftNumber", text).addProperty("customerId", text).addProperty("requestedBy", text)
			.addProperty("createdAt", typed("string").format("date-time"))
			.addProperty("lines", typed("array").items(typed("object")
				.addProperty("sku", text).addProperty("description", text)
				.addProperty("quantity", typed("integer")))));
		properties.put("data", typed("object").additionalProperties(text)
			.description("What the event says, by name (code, carrier, eta, reason, draft_number, skus, ...)."));
		return typed("object").properties(properties)
			.required(List.of("id", "eventId", "type", "occurredAt", "data"))
			.title("WebhookEvent").description("The body of every webhook delivery, sent unchanged on every try.");
	}

	private static final Map<OrderEvent.Kind, String> SUMMARIES = Map.ofEntries(
			Map.entry(OrderEvent.Kind.ORDER_PLACED, "An order was placed"),
			Map.entry(OrderEvent.Kind.MILESTONE_REACHED, "An order reached a milestone"),
			Map.entry(OrderEvent.Kind.ORDER_DELIVERED, "An order was delivered"),
			Map.entry(OrderEvent.Kind.PROMISE_CHANGED, "An order's promised date changed"),
			Map.entry(OrderEvent.Kind.ORDER_AT_RISK, "An order is at risk"),
			Map.entry(OrderEvent.Kind.ORDER_DELAYED, "A delay's reason and remedy were recorded"),
			Map.entry(OrderEvent.Kind.ORDER_CANCELLED, "An order was cancelled"),
			Map.entry(OrderEvent.Kind.ETA_CHANGED, "An order's expected date changed"),
			Map.entry(OrderEvent.Kind.LINES_CHANGED, "An order's lines were replaced"),
			Map.entry(OrderEvent.Kind.DRAFT_CREATED, "A draft order was made for a customer (reorder as last time)"));

	/** A schema of one type, said as OpenAPI 3.1 says it ({@code types}) and as 3.0 does ({@code type}). */
	private static Schema<Object> typed(String type) {
		Schema<Object> schema = new Schema<>().type(type);
		schema.addType(type);
		return schema;
	}

	private static String camel(String name) {
		StringBuilder out = new StringBuilder();
		for (String part : name.toLowerCase(java.util.Locale.ROOT).split("_")) {
			out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
		}
		return out.toString();
	}
}
