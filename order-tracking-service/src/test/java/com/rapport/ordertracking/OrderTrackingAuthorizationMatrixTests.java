package com.rapport.ordertracking;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import com.rapport.ordertracking.customer.CustomerDirectory;
import com.rapport.ordertracking.notification.ContactSource;
import com.rapport.ordertracking.notification.InboxItem;
import com.rapport.ordertracking.notification.NotificationContact;
import com.rapport.ordertracking.notification.NotificationTopic;
import com.rapport.ordertracking.order.Milestone;
import com.rapport.ordertracking.order.MilestoneCode;
import com.rapport.ordertracking.order.Order;
import com.rapport.ordertracking.order.Money;
import com.rapport.ordertracking.order.OrderRepository;
import com.rapport.ordertracking.receivables.Invoice;
import com.rapport.ordertracking.webhook.WebhookDelivery;
import com.rapport.ordertracking.webhook.WebhookSubscription;
import com.rapport.support.test.TestTokens;
import com.rapport.support.test.matrix.AuthorizationMatrixContract;
import com.rapport.support.test.matrix.Caller;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import static org.mockito.BDDMockito.given;

@SpringBootTest(properties = { "rapport.mongodb.embedded.in-memory=true", "spring.grpc.server.port=0",
		"spring.grpc.server.inprocess.name=order-tracking-matrix" })
@AutoConfigureMockMvc
@Import(TestTokens.DecoderConfiguration.class)
class OrderTrackingAuthorizationMatrixTests extends AuthorizationMatrixContract {

	static final String SECRET_ORDER_NUMBER = "A-SECRET-4711";

	/** The order of A the partner's writes name in their path (a path is echoed in a refusal's instance). */
	static final String WRITTEN_ORDER_NUMBER = "A-KEPT-CURRENT";

	@Autowired
	OrderRepository orders;

	@Autowired
	org.springframework.data.mongodb.core.MongoTemplate mongo;

	@MockitoBean
	CustomerDirectory customers;

	/** customer-service's contacts: A's has the portal login of customer-a; no contact has customer-b's. */
	@MockitoBean
	ContactSource contacts;

	private final AtomicInteger submissions = new AtomicInteger();

	private String orderOfA;

	/** A's invoice, which the partner's settlement names and the gRPC rows read and pause. */
	static final String INVOICE_OF_A = "A-INV-4711";

	@Override
	protected void createRecordsOfOrganisationA() {
		orders.deleteAll();
		Instant placed = Instant.parse("2026-11-20T08:00:00Z");
		orderOfA = orders.insert(new Order(null, Caller.ORGANISATION_A, SECRET_ORDER_NUMBER, placed, null, null,
				List.of(), List.of(new Milestone(MilestoneCode.PLACED, placed, "only for A")), "partner", null, null,
				null)).id();
		orders.insert(new Order(null, Caller.ORGANISATION_A, WRITTEN_ORDER_NUMBER, placed, null, null, List.of(),
				List.of(new Milestone(MilestoneCode.PLACED, placed, null)), "partner", null, null, null));
		mongo.remove(new org.springframework.data.mongodb.core.query.Query(), Invoice.class);
		mongo.insert(new Invoice(Invoice.idOf(Caller.ORGANISATION_A, INVOICE_OF_A), Caller.ORGANISATION_A, INVOICE_OF_A,
				SECRET_ORDER_NUMBER, new Money("CNY", 10_000), LocalDate.of(2026, 12, 10), Invoice.Status.OPEN, List.of(),
				null, List.of(), null, "partner", placed, null, List.of(), List.of(), null));
		given(customers.exists(Caller.ORGANISATION_A)).willReturn(true);
		given(customers.nameOf(Caller.ORGANISATION_A)).willReturn(Optional.of("Organisation A"));
		given(contacts.contactsOf(Caller.ORGANISATION_A)).willReturn(List.of(new NotificationContact("contact-of-a",
				"Contact of A", "a@org-a.example", "en", "Asia/Shanghai", "EMAIL", "contact-of-" + Caller.ORGANISATION_A)));
	}

	@Override
	protected String pathVariable(String name) {
		if (name.equals("invoiceNumber")) {
			return INVOICE_OF_A;
		}
		if (name.equals("draftNumber")) {
			return draftOfA();
		}
		return name.equals("orderNumber") ? WRITTEN_ORDER_NUMBER : orderOfA;
	}

	/** A fresh draft of A each call, so that a partner's confirmation is a real one. */
	private String draftOfA() {
		int n = submissions.incrementAndGet();
		return mongo.insert(new com.rapport.ordertracking.draft.DraftOrder("RO-MATRIX-" + n, Caller.ORGANISATION_A,
				"matrix-request-" + n, List.of(new com.rapport.ordertracking.order.OrderLine("SKU-A", "Chair", 3)),
				"Contact of A", com.rapport.ordertracking.draft.DraftStatus.DRAFT, Instant.parse("2026-11-21T08:00:00Z"),
				null, null, null, null, null)).draftNumber();
	}

	@Override
	protected String restBody(String endpoint) {
		if (!endpoint.startsWith("REST POST")) {
			return null;
		}
		int n = submissions.incrementAndGet();
		if (endpoint.endsWith("/milestones")) {
			return """
					{"customerId": "%s", "eventId": "matrix-%d", "code": "IN_PRODUCTION", "occurredAt": "2026-11-21T08:00:00Z"}"""
				.formatted(Caller.ORGANISATION_A, n);
		}
		if (endpoint.endsWith("/changes")) {
			return """
					{"customerId": "%s", "eta": "2026-12-%02d"}""".formatted(Caller.ORGANISATION_A, 1 + n % 28);
		}
		if (endpoint.endsWith("/delay")) {
			return """
					{"customerId": "%s", "reason": "Late %d", "remedy": "DISCOUNT"}""".formatted(Caller.ORGANISATION_A, n);
		}
		if (endpoint.endsWith("/settlement")) {
			return """
					{"customerId": "%s", "outcome": "PAID"}""".formatted(Caller.ORGANISATION_A);
		}
		if (endpoint.endsWith("/invoices")) {
			return """
					{"customerId": "%s", "invoiceNumber": "INV-%d", "amount": {"currency": "CNY", "amount": 10.00},
					 "dueDate": "2026-12-31"}""".formatted(Caller.ORGANISATION_A, n);
		}
		if (endpoint.endsWith("/confirmation")) {
			return """
					{"orderNumber": "CONFIRMED-%d"}""".formatted(n);
		}
		if (endpoint.endsWith("/cancellation")) {
			return """
					{"customerId": "%s", "reason": "Withdrawn"}""".formatted(Caller.ORGANISATION_A);
		}
		return """
				{"customerId": "%s", "orderNumber": "NEW-%d-%s"}""".formatted(Caller.ORGANISATION_A,
				n, UUID.randomUUID().toString().substring(0, 8));
	}

	@Override
	protected String grpcRequest(String fullMethodName) {
		if (fullMethodName.startsWith("rapport.privacy.v1.")) {
			return "{\"subject\": {\"organisationId\": \"" + Caller.ORGANISATION_A + "\", \"contactId\": \"contact-of-a\"}}";
		}
		if (fullMethodName.startsWith("rapport.ordertracking.v1.WebhookService/")) {
			return webhookRequest(fullMethodName.substring(fullMethodName.indexOf('/') + 1));
		}
		if (fullMethodName.endsWith("/PreviewIncident")) {
			return "{\"selection\": {\"kind\": \"INCIDENT_SELECTION_KIND_ORDER_NUMBERS\", \"orderNumbers\": [\""
					+ SECRET_ORDER_NUMBER + "\"]}}";
		}
		if (fullMethodName.endsWith("/SendIncidentNotice")) {
			// A fresh notice each call, so that a manager's OK is a real send.
			return "{\"noticeId\": \"matrix-" + submissions.incrementAndGet() + "\", \"selection\": {\"kind\": "
					+ "\"INCIDENT_SELECTION_KIND_ORDER_NUMBERS\", \"orderNumbers\": [\"" + SECRET_ORDER_NUMBER
					+ "\"]}, \"cause\": \"Gas lifts may sink\", \"correctiveAction\": \"Replaced free of charge\"}";
		}
		if (fullMethodName.startsWith("rapport.ordertracking.v1.ReceivablesService/")) {
			String invoice = Invoice.idOf(Caller.ORGANISATION_A, INVOICE_OF_A);
			return switch (fullMethodName.substring(fullMethodName.indexOf('/') + 1)) {
				case "GetInvoice" -> "{\"invoiceId\": \"" + invoice + "\"}";
				case "RecordPromiseToPay" -> "{\"invoiceId\": \"" + invoice + "\", \"payBy\": \"2099-01-01\"}";
				case "RecordInstalmentPlan" -> "{\"invoiceId\": \"" + invoice
						+ "\", \"instalments\": [{\"dueDate\": \"2099-01-01\", \"amount\": \"60.00\"}, "
						+ "{\"dueDate\": \"2099-02-01\", \"amount\": \"40.00\"}]}";
				case "UpdateReminderCadence" -> "{\"offsetsDays\": [-3, 0, 7, 21]}";
				default -> "{}";
			};
		}
		if (fullMethodName.endsWith("/MarkInboxItemRead")) {
			return "{\"itemId\": \"" + inboxItemOfA() + "\"}";
		}
		if (fullMethodName.endsWith("/UpdateMyNotificationPreferences")) {
			return "{\"topics\": [\"NOTIFICATION_TOPIC_SHIPPED\"], \"email\": true}";
		}
		if (fullMethodName.endsWith("/ListOrderNotifications")) {
			return "{\"orderId\": \"" + orderOfA + "\"}";
		}
		if (fullMethodName.endsWith("/ResendNotification")) {
			return "{\"notificationId\": \"" + deadNotificationOfA() + "\"}";
		}
		if (fullMethodName.endsWith("/RecordDelay")) {
			return "{\"orderId\": \"" + orderOfA + "\", \"reason\": \"Paint line down\", \"remedy\": \"DELAY_REMEDY_DISCOUNT\"}";
		}
		if (fullMethodName.endsWith("/StreamOrderFacts")) {
			return "{\"fromCustomerId\": \"" + Caller.ORGANISATION_A + "\", \"toCustomerId\": \"" + Caller.ORGANISATION_A
					+ "\"}";
		}
		if (fullMethodName.endsWith("/ListIncidentDeliveries")) {
			mongo.getCollection("incident_notices").replaceOne(new org.bson.Document("_id", "matrix-notice"),
					new org.bson.Document("_id", "matrix-notice").append("cause", "only for A"),
					new com.mongodb.client.model.ReplaceOptions().upsert(true));
			return "{\"noticeId\": \"matrix-notice\"}";
		}
		if (fullMethodName.endsWith("/Follow")) {
			// From the first event, for one second: the stream then ends by itself, with A's events replayed.
			return "{\"customerId\": \"" + Caller.ORGANISATION_A + "\", \"afterPosition\": \"0\", \"since\": "
					+ "\"2000-01-01T00:00:00Z\", \"maxSeconds\": 1}";
		}
		if (fullMethodName.endsWith("/CreateDraftOrder")) {
			return "{\"customerId\": \"" + Caller.ORGANISATION_A + "\", \"requestId\": \"matrix-grpc-"
					+ submissions.incrementAndGet() + "\", \"lines\": [{\"sku\": \"SKU-A\", \"quantity\": 3}]}";
		}
		if (fullMethodName.endsWith("/GetDeliveryFigures")) {
			return "{\"fromMonth\": \"2026-01\", \"toMonth\": \"2026-12\", \"customerIds\": [\"" + Caller.ORGANISATION_A
					+ "\"]}";
		}
		if (fullMethodName.endsWith("/GetDeliveryPerformance")) {
			return "{\"customerId\": \"" + Caller.ORGANISATION_A + "\"}";
		}
		return fullMethodName.endsWith("/GetOrder") ? "{\"orderId\": \"" + orderOfA + "\"}" : "{}";
	}

	/** Each call names a fresh subscription (or a fresh delivered delivery), so that an admin's OK is real. */
	private String webhookRequest(String method) {
		String draft = "{\"url\": \"https://erp.org-a.example/hooks\", \"events\": [\"MILESTONE_REACHED\"]}";
		if (method.equals("ListWebhookSubscriptions")) {
			return "{}";
		}
		if (method.equals("CreateWebhookSubscription")) {
			return draft;
		}
		Instant now = Instant.parse("2026-11-21T08:00:00Z");
		String subscription = mongo.insert(new WebhookSubscription("hook-" + submissions.incrementAndGet(),
				"https://erp.org-a.example/hooks", List.of("MILESTONE_REACHED"), "", "whsec_matrix", true, null, null,
				null, null, "admin", now, "admin", now, null, null, null)).id();
		if (method.equals("ReplayWebhookDelivery")) {
			String delivery = mongo.insert(new WebhookDelivery(subscription + ":e", subscription, "e",
					"MILESTONE_REACHED", orderOfA, Caller.ORGANISATION_A, SECRET_ORDER_NUMBER, "{}",
					WebhookDelivery.State.SENT, 1, null, null, null, 204, now, now, List.of())).id();
			return "{\"deliveryId\": \"" + delivery + "\"}";
		}
		if (method.equals("UpdateWebhookSubscription")) {
			return "{\"subscriptionId\": \"" + subscription + "\", \"draft\": " + draft + "}";
		}
		return "{\"subscriptionId\": \"" + subscription + "\"}";
	}

	/** A fresh unread inbox item of A's contact about A's order each call. */
	private String inboxItemOfA() {
		String eventId = "matrix-event-" + submissions.incrementAndGet();
		Instant at = Instant.parse("2026-11-21T08:00:00Z");
		return mongo.insert(new InboxItem(InboxItem.idOf(eventId, "contact-of-a"), Caller.ORGANISATION_A,
				"contact-of-a", orderOfA, SECRET_ORDER_NUMBER, eventId, "MILESTONE_REACHED", NotificationTopic.SHIPPED,
				at, java.util.Map.of("code", "SHIPPED", "note", "only for A"), at, false, null)).id();
	}

	/** A fresh dead notification of A's order each call, so that a staff member's OK is a real resend. */
	private String deadNotificationOfA() {
		String id = "dead-" + submissions.incrementAndGet();
		mongo.getCollection("notifications").insertOne(new org.bson.Document("_id", id).append("orderId", orderOfA)
			.append("customerId", Caller.ORGANISATION_A).append("orderNumber", SECRET_ORDER_NUMBER)
			.append("eventId", "e").append("kind", "MILESTONE_REACHED").append("address", "a@org-a.example")
			.append("language", "en").append("state", "DEAD").append("attempts", 10)
			.append("createdAt", java.util.Date.from(Instant.parse("2026-11-21T08:00:00Z"))));
		return id;
	}

	@Override
	protected List<String> secretsOfOrganisationA() {
		return List.of(SECRET_ORDER_NUMBER, "Organisation A", "only for A");
	}
}
