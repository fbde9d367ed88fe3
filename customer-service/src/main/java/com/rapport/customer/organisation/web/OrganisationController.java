package com.rapport.customer.organisation.web;

import java.net.URI;
import java.util.List;

import com.rapport.customer.organisation.Organisation;
import com.rapport.customer.organisation.OrganisationInput;
import com.rapport.customer.organisation.CustomerAccess;
import com.rapport.customer.organisation.OrganisationService;
import com.rapport.customer.organisation.web.OrganisationViews.OrganisationView;
import com.rapport.customer.organisation.web.OrganisationViews.PageView;
import com.rapport.support.security.Caller;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.data.domain.Page;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/customers/v1/organisations")
@Tag(name = "Organisations")
class OrganisationController {

	static final String READ = "hasAnyRole('customer', 'agent', 'manager', 'admin', 'internal') or hasAuthority('SCOPE_customers.read')";

	static final String WRITE = "hasAnyRole('agent', 'manager', 'admin') or hasAuthority('SCOPE_customers.write')";

	private final OrganisationService organisations;

	OrganisationController(OrganisationService organisations) {
		this.organisations = organisations;
	}

	/** Every organisation by name, or those matching {@code q} (name, contact name, email or phone). */
	@GetMapping
	@PreAuthorize(READ)
	@Operation(operationId = "listOrganisations", summary = "List organisations",
			description = "Every organisation by name, or those matching `q` (name, contact name, email or phone), a page at a time.")
	PageView list(@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "50") int size) {
		Caller caller = Caller.current();
		Page<Organisation> result = organisations.search(caller, q, page, size);
		boolean logins = CustomerAccess.isStaff(caller);
		return new PageView(result.getContent().stream().map(o -> OrganisationView.of(o, logins)).toList(),
				result.getNumber(), result.getSize(), result.getTotalElements());
	}

	@GetMapping("/{id}")
	@PreAuthorize(READ)
	@Operation(operationId = "getOrganisation", summary = "Read an organisation",
			description = "One organisation by its id (the `customer_id` its contacts' tokens carry), with its tier.")
	OrganisationView get(@PathVariable String id) {
		Caller caller = Caller.current();
		return OrganisationView.of(organisations.get(caller, id), CustomerAccess.isStaff(caller));
	}

	@PostMapping
	@PreAuthorize(WRITE)
	@Operation(operationId = "createOrganisation", summary = "Create an organisation",
			description = "A new organisation; `id` may be given (else one is made from the name).",
			responses = @ApiResponse(responseCode = "201", description = "The organisation; its address in Location",
					content = @Content(schema = @Schema(implementation = OrganisationView.class))))
	ResponseEntity<OrganisationView> create(@RequestBody OrganisationRequest request) {
		Caller caller = Caller.current();
		Organisation created = organisations.create(caller, request.toInput());
		return ResponseEntity.created(URI.create("/api/customers/v1/organisations/" + created.id()))
			.body(OrganisationView.of(created, CustomerAccess.isStaff(caller)));
	}

	/** Changes the fields sent; left-out fields keep their values. */
	@PutMapping("/{id}")
	@PreAuthorize(WRITE)
	@Operation(operationId = "updateOrganisation", summary = "Change an organisation",
			description = "Changes the fields sent; left-out fields keep their values.")
	OrganisationView update(@PathVariable String id, @RequestBody OrganisationRequest request) {
		Caller caller = Caller.current();
		return OrganisationView.of(organisations.update(caller, id, request.toInput()),
				CustomerAccess.isStaff(caller));
	}

	/** The partner's idempotent upsert: 201 when it created the organisation, 200 otherwise. */
	@PutMapping("/external/{externalId}")
	@PreAuthorize(WRITE)
	@Operation(operationId = "upsertOrganisationByExternalId", summary = "Create or change an organisation by the partner's id",
			description = "Idempotent: the organisation known by the partner's own id is created the first time and changed after.",
			responses = {
					@ApiResponse(responseCode = "201", description = "Created",
					content = @Content(schema = @Schema(implementation = OrganisationView.class))),
					@ApiResponse(responseCode = "200", description = "Changed, or already as sent",
					content = @Content(schema = @Schema(implementation = OrganisationView.class))) })
	ResponseEntity<OrganisationView> upsert(@PathVariable String externalId,
			@RequestBody OrganisationRequest request) {
		Caller caller = Caller.current();
		var result = organisations.upsertByExternalId(caller, externalId, request.toInput());
		OrganisationView view = OrganisationView.of(result.value(), CustomerAccess.isStaff(caller));
		return result.created()
				? ResponseEntity.created(URI.create("/api/customers/v1/organisations/" + view.id())).body(view)
				: ResponseEntity.ok(view);
	}

	/** The body of create and change requests; see {@link OrganisationInput} for absent and empty fields. */
	record OrganisationRequest(String id, String externalId, String name, String industry, String sizeBand,
			String country, String region, List<String> tags, String accountManager, String status, Long version) {

		OrganisationInput toInput() {
			return new OrganisationInput(id, name, industry, sizeBand, country, region, tags, accountManager, status,
					externalId, version);
		}
	}
}
