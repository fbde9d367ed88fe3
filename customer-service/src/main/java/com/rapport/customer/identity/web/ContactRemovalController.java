package com.rapport.customer.identity.web;

import com.rapport.customer.identity.InvitationService;
import com.rapport.support.security.Caller;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Removing a contact, beside the other contact routes: here because it disables the contact's portal login
 * too. The same callers as the other contact writes (staff, partners with {@code customers.write}).
 */
@RestController
@Tag(name = "Contacts")
class ContactRemovalController {

	static final String WRITE = "hasAnyRole('agent', 'manager', 'admin') or hasAuthority('SCOPE_customers.write')";

	private final InvitationService invitations;

	ContactRemovalController(InvitationService invitations) {
		this.invitations = invitations;
	}

	/** 204; the contact is gone from the organisation and its login (if any) is disabled. */
	@Operation(operationId = "removeContact", summary = "Remove a contact",
			description = "The contact is gone from the organisation and its portal login, if any, is disabled.",
			responses = @ApiResponse(responseCode = "204", description = "Removed"))
	@DeleteMapping("/api/customers/v1/organisations/{organisationId}/contacts/{contactId}")
	@PreAuthorize(WRITE)
	ResponseEntity<Void> remove(@PathVariable String organisationId, @PathVariable String contactId) {
		invitations.removeContact(Caller.current(), organisationId, contactId);
		return ResponseEntity.noContent().build();
	}
}
