package com.rapport.customer.organisation.web;

import java.net.URI;
import java.util.List;

import com.rapport.customer.organisation.Contact;
import com.rapport.customer.organisation.ContactInput;
import com.rapport.customer.organisation.ContactService;
import com.rapport.customer.organisation.CustomerAccess;
import com.rapport.customer.organisation.web.OrganisationViews.ContactView;
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
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/customers/v1/organisations/{organisationId}/contacts")
@Tag(name = "Contacts")
class ContactController {

	private final ContactService contacts;

	ContactController(ContactService contacts) {
		this.contacts = contacts;
	}

	@GetMapping
	@PreAuthorize(OrganisationController.READ)
	@Operation(operationId = "listContacts", summary = "List an organisation's contacts",
			description = "Every contact of the organisation, with their language, time zone and preferred channel.")
	List<ContactView> list(@PathVariable String organisationId) {
		Caller caller = Caller.current();
		boolean logins = CustomerAccess.isStaff(caller);
		return contacts.contacts(caller, organisationId).stream().map(c -> ContactView.of(c, logins)).toList();
	}

	@GetMapping("/{contactId}")
	@PreAuthorize(OrganisationController.READ)
	@Operation(operationId = "getContact", summary = "Read a contact", description = "One contact of the organisation.")
	ContactView get(@PathVariable String organisationId, @PathVariable String contactId) {
		Caller caller = Caller.current();
		return ContactView.of(contacts.contact(caller, organisationId, contactId),
				CustomerAccess.isStaff(caller));
	}

	@PostMapping
	@PreAuthorize(OrganisationController.WRITE)
	@Operation(operationId = "createContact", summary = "Add a contact",
			description = "A new contact of the organisation; their preferred channel is email unless said.",
			responses = @ApiResponse(responseCode = "201", description = "The contact; its address in Location",
					content = @Content(schema = @Schema(implementation = ContactView.class))))
	ResponseEntity<ContactView> create(@PathVariable String organisationId, @RequestBody ContactRequest request) {
		Caller caller = Caller.current();
		Contact created = contacts.addContact(caller, organisationId, request.toInput());
		return ResponseEntity.created(location(organisationId, created))
			.body(ContactView.of(created, CustomerAccess.isStaff(caller)));
	}

	/** Changes the fields sent; left-out fields keep their values. */
	@PutMapping("/{contactId}")
	@PreAuthorize(OrganisationController.WRITE)
	@Operation(operationId = "updateContact", summary = "Change a contact",
			description = "Changes the fields sent; left-out fields keep their values.")
	ContactView update(@PathVariable String organisationId, @PathVariable String contactId,
			@RequestBody ContactRequest request) {
		Caller caller = Caller.current();
		return ContactView.of(contacts.updateContact(caller, organisationId, contactId, request.toInput()),
				CustomerAccess.isStaff(caller));
	}

	/** The partner's idempotent upsert: 201 when it created the contact, 200 otherwise. */
	@PutMapping("/external/{externalId}")
	@PreAuthorize(OrganisationController.WRITE)
	@Operation(operationId = "upsertContactByExternalId", summary = "Create or change a contact by the partner's id",
			description = "Idempotent: the contact known by the partner's own id is created the first time and changed after.",
			responses = {
					@ApiResponse(responseCode = "201", description = "Created",
					content = @Content(schema = @Schema(implementation = ContactView.class))),
					@ApiResponse(responseCode = "200", description = "Changed, or already as sent",
					content = @Content(schema = @Schema(implementation = ContactView.class))) })
	ResponseEntity<ContactView> upsert(@PathVariable String organisationId, @PathVariable String externalId,
			@RequestBody ContactRequest request) {
		Caller caller = Caller.current();
		var result = contacts.upsertContactByExternalId(caller, organisationId, externalId, request.toInput());
		ContactView view = ContactView.of(result.value(), CustomerAccess.isStaff(caller));
		return result.created() ? ResponseEntity.created(location(organisationId, result.value())).body(view)
				: ResponseEntity.ok(view);
	}

	private static URI location(String organisationId, Contact contact) {
		return URI.create("/api/customers/v1/organisations/" + organisationId + "/contacts/" + contact.id());
	}

	/** The body of create and change requests; see {@link ContactInput} for absent and empty fields. */
	record ContactRequest(String externalId, String name, String jobTitle, String email, String phone,
			String language, String timeZone, String birthday, String preferredChannel, Boolean marketingConsent,
			Boolean surveyConsent, String username) {

		ContactInput toInput() {
			return new ContactInput(name, jobTitle, email, phone, language, timeZone, birthday, preferredChannel,
					marketingConsent, surveyConsent, externalId, username);
		}
	}
}
