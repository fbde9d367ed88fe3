package com.rapport.customer.loyalty.web;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

import com.rapport.customer.loyalty.Ledger;
import com.rapport.customer.loyalty.LedgerEntry;
import com.rapport.customer.loyalty.LoyaltyService;
import com.rapport.support.error.Message;
import com.rapport.support.error.UnprocessableException;
import com.rapport.support.security.Caller;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The loyalty programme for partners: an organisation's balance and ledger, and adjustments (also returns). */
@RestController
@RequestMapping("/api/customers/v1/organisations/{organisationId}/loyalty")
@Tag(name = "Loyalty")
class LoyaltyController {

	static final String READ = "hasAnyRole('customer', 'agent', 'manager', 'admin', 'internal') or hasAuthority('SCOPE_customers.read')";

	static final String WRITE = "hasAnyRole('agent', 'manager', 'admin') or hasAuthority('SCOPE_customers.write')";

	/** Visible ASCII only, as the other partner writes: a key travels in headers and logs. */
	private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[\\x21-\\x7E]{1,200}");

	private final LoyaltyService loyalty;

	LoyaltyController(LoyaltyService loyalty) {
		this.loyalty = loyalty;
	}

	@GetMapping
	@PreAuthorize(READ)
	@Operation(operationId = "getLoyaltyAccount", summary = "Read an organisation's loyalty points",
			description = "The balance (the sum of every ledger entry), the tier in force and what it earns: points per "
					+ "unit of the business currency times the tier's multiplier, rounded down, on each delivered order; "
					+ "points expire `expiryMonths` after they were earned.")
	AccountJson account(@PathVariable String organisationId) {
		LoyaltyService.Account account = loyalty.account(Caller.current(), organisationId, 0, 1);
		return new AccountJson(account.organisation().id(), account.balance(), account.tier().name(),
				account.rules().multiplier(account.tier()).toPlainString(), account.rules().pointsPerUnit().toPlainString(),
				account.currency(), account.rules().expiryMonths());
	}

	@GetMapping("/ledger")
	@PreAuthorize(READ)
	@Operation(operationId = "listLoyaltyLedger", summary = "List an organisation's ledger",
			description = "Every movement of its points, newest first: `EARNED` (a delivered order), `REDEEMED` (a "
					+ "reward), `EXPIRED`, `REVERSED` (a returned order), `ADJUSTED`; at most 200 a page. Each entry "
					+ "carries the balance after it.")
	LedgerPageJson ledger(@PathVariable String organisationId, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "50") int size) {
		if (page < 0 || size < 1 || size > 200) {
			throw UnprocessableException.field(Message.of("loyalty.ledger.page-invalid"), page < 0 ? "page" : "size",
					Message.of("loyalty.ledger.page.range"));
		}
		LoyaltyService.Account account = loyalty.account(Caller.current(), organisationId, page, size);
		return new LedgerPageJson(account.entries().stream().map(EntryJson::of).toList(), page, size, account.more(),
				account.balance());
	}

	@PostMapping("/adjustments")
	@PreAuthorize(WRITE)
	@Operation(operationId = "adjustLoyaltyPoints", summary = "Adjust an organisation's points, or take back a return's",
			description = "Either `points` (not 0; negative takes away, never below a zero balance) with a `reason`, or "
					+ "`returnedOrder`, a delivered order's number, with a `reason`: exactly what that order earned is "
					+ "taken back, once (a second return of it answers the same entry). Audited and on the timeline. "
					+ "The same request with the same Idempotency-Key answers the same entry again, with "
					+ "`Idempotent-Replayed: true`.",
			responses = @ApiResponse(responseCode = "201", description = "The ledger entry",
					content = @Content(schema = @Schema(implementation = EntryJson.class))))
	ResponseEntity<EntryJson> adjust(@PathVariable String organisationId, @RequestBody AdjustmentRequest request,
			@RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
		if (idempotencyKey != null && !IDEMPOTENCY_KEY.matcher(idempotencyKey).matches()) {
			throw UnprocessableException.field(Message.of("loyalty.idempotency-key.invalid"), "Idempotency-Key",
					Message.of("loyalty.idempotency-key.format"));
		}
		Ledger.Posted posted = loyalty.adjust(Caller.current(), organisationId,
				new LoyaltyService.Adjustment(request.points(), request.reason(), request.returnedOrder()), idempotencyKey);
		ResponseEntity.BodyBuilder answer = ResponseEntity.created(
				URI.create("/api/customers/v1/organisations/" + organisationId + "/loyalty/ledger"));
		if (!posted.created()) {
			answer.header("Idempotent-Replayed", "true");
		}
		return answer.body(EntryJson.of(posted.entry()));
	}

	/** An adjustment: {@code points} and {@code reason}, or {@code returnedOrder} and {@code reason}. */
	record AdjustmentRequest(Long points, String reason, String returnedOrder) {
	}

	record AccountJson(String organisationId, long balance, String tier, String multiplier, String pointsPerUnit,
			String currency, int expiryMonths) {
	}

	record LedgerPageJson(List<EntryJson> items, int page, int size, boolean more, long balance) {
	}

	/** One ledger entry; {@code expiresAt} only for earned and positively adjusted points. */
	record EntryJson(String id, String kind, long points, long balanceAfter, Instant occurredAt, String reference,
			String note, Instant expiresAt) {

		static EntryJson of(LedgerEntry entry) {
			return new EntryJson(entry.id(), entry.kind().name(), entry.points(), entry.balanceAfter(),
					entry.occurredAt(), entry.reference(), entry.note(), entry.expiresAt());
		}
	}
}
