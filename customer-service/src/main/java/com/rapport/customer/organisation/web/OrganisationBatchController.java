package com.rapport.customer.organisation.web;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.rapport.customer.organisation.OrganisationInput;
import com.rapport.customer.organisation.OrganisationBatchImport;
import com.rapport.customer.organisation.OrganisationBatchImport.BatchItem;
import com.rapport.customer.organisation.OrganisationBatchImport.BatchOutcome;
import com.rapport.customer.organisation.OrganisationBatchImport.BatchResult;
import com.rapport.customer.organisation.web.ContactController.ContactRequest;
import com.rapport.support.error.ConflictException;
import com.rapport.support.error.Message;
import com.rapport.support.error.UnprocessableException;
import com.rapport.support.message.Texts;
import com.rapport.support.security.Caller;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * A partner's bulk load (a supplier's ERP bringing its existing customers at go-live): up to
 * {@value OrganisationBatchImport#MAX_BATCH} organisations with their contacts, each upserted by its external id
 * like {@code PUT /organisations/external/{externalId}}. Every item is answered on its own, by its index and
 * external id; a refused item does not stop the others. A whole request may be sent again: what was stored
 * the first time answers {@code unchanged}.
 */
@RestController
@Tag(name = "Organisations")
class OrganisationBatchController {

	private final OrganisationBatchImport batches;

	private final Texts texts;

	OrganisationBatchController(OrganisationBatchImport batches, MessageSource messages) {
		this.batches = batches;
		this.texts = new Texts(messages);
	}

	@PostMapping("/api/customers/v1/organisations:batch")
	@Operation(operationId = "upsertOrganisations", summary = "Create or change organisations in a batch",
			description = "Each item by the partner's own id, with its contacts; each item is answered on its own (created, updated, unchanged or refused with the reason), so one bad item does not stop the others.")
	@PreAuthorize(OrganisationController.WRITE)
	BatchView upsert(@RequestBody List<BatchItemRequest> items) {
		Caller caller = Caller.current();
		batches.checkBatch(caller, items.size());
		List<ItemView> answers = new ArrayList<>(items.size());
		Map<BatchOutcome, Integer> counts = new EnumMap<>(BatchOutcome.class);
		int refused = 0;
		for (int index = 0; index < items.size(); index++) {
			BatchItemRequest item = items.get(index);
			String externalId = item == null ? null : item.externalId();
			try {
				if (item == null) {
					throw UnprocessableException.field(Message.of("organisation.batch.item-empty"), "item",
							Message.of("field.required"));
				}
				BatchResult result = batches.upsertBatchItem(caller, item.toBatchItem());
				counts.merge(result.outcome(), 1, Integer::sum);
				answers.add(ItemView.of(index, externalId, result));
			}
			catch (UnprocessableException ex) {
				refused++;
				Locale locale = LocaleContextHolder.getLocale();
				answers.add(new ItemView(index, externalId, 422, "invalid", null, null,
						texts.reason(ex, ex.reason(), locale), codeOf(ex.reason()), texts.fields(ex, locale),
						fieldCodes(ex)));
			}
			catch (ConflictException ex) {
				refused++;
				answers.add(new ItemView(index, externalId, 409, "conflict", null, null,
						texts.reason(ex, ex.reason(), LocaleContextHolder.getLocale()), codeOf(ex.reason()), null, null));
			}
		}
		return new BatchView(answers, counts.getOrDefault(BatchOutcome.CREATED, 0),
				counts.getOrDefault(BatchOutcome.UPDATED, 0), counts.getOrDefault(BatchOutcome.UNCHANGED, 0), refused);
	}

	private static String codeOf(Message reason) {
		return reason == null ? null : reason.code();
	}

	private static Map<String, String> fieldCodes(UnprocessableException ex) {
		if (ex.fieldMessages().isEmpty()) {
			return null;
		}
		Map<String, String> codes = new LinkedHashMap<>();
		ex.fieldMessages().forEach((field, message) -> codes.put(field, message.code()));
		return codes;
	}

	/** An organisation as in {@code PUT /organisations/external/{externalId}}, with its contacts. */
	@Schema(name = "BatchItem")
	record BatchItemRequest(String id, String externalId, String name, String industry, String sizeBand,
			String country, String region, List<String> tags, String accountManager, String status, Long version,
			List<ContactRequest> contacts) {

		BatchItem toBatchItem() {
			return new BatchItem(new OrganisationInput(id, name, industry, sizeBand, country, region, tags,
					accountManager, status, externalId, version),
					contacts == null ? List.of() : contacts.stream().map(c -> c == null ? null : c.toInput()).toList());
		}
	}

	/** The answer: one entry per item, in the order sent, and how many of each kind. */
	@Schema(name = "BatchResult")
	record BatchView(List<ItemView> items, int created, int updated, int unchanged, int refused) {
	}

	/**
	 * One item's answer: {@code status} as the single upsert would answer it (201 created, 200 updated or
	 * unchanged, 422 with {@code errors} naming every bad field, 409 for a stale {@code version}). Like a problem
	 * document, {@code detail} and {@code errors} are in the request's language, {@code reason} and
	 * {@code fieldCodes} the codes of their sentences.
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	@Schema(name = "BatchItemResult")
	record ItemView(int index, String externalId, int status, String result, String id, Long version, String detail,
			String reason, Map<String, String> errors, Map<String, String> fieldCodes) {

		static ItemView of(int index, String externalId, BatchResult result) {
			BatchOutcome outcome = result.outcome();
			return new ItemView(index, externalId, outcome == BatchOutcome.CREATED ? 201 : 200,
					outcome.name().toLowerCase(Locale.ROOT), result.organisation().id(), result.organisation().version(),
					null, null, null, null);
		}
	}
}
