package com.rapport.portal.console;

import com.rapport.contracts.customer.v1.Contact;
import com.rapport.contracts.customer.v1.Organisation;
import com.rapport.portal.remote.CustomerClient;
import com.rapport.portal.remote.ContactClient;
import com.rapport.support.error.ConflictException;
import com.rapport.support.error.RemoteUnavailableException;
import com.rapport.support.error.UnprocessableException;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * An admin manages contacts' portal logins from the organisation page: invite (Keycloak mails the link
 * with which the contact sets a password), send the invitation again, remove the contact (its login is
 * disabled). Each action posts, then comes back to the organisation page with a notice saying what
 * happened (post/redirect/get, so a reload repeats nothing).
 */
@Controller
@PreAuthorize("hasRole('admin')")
class ContactLoginController {

	private final CustomerClient customers;

	private final ContactClient contacts;

	ContactLoginController(CustomerClient customers, ContactClient contacts) {
		this.customers = customers;
		this.contacts = contacts;
	}

	@PostMapping("/console/organisations/{id}/contacts/{contactId}/invite")
	String invite(@PathVariable String id, @PathVariable String contactId) {
		return outcome(id, contactId, () -> {
			Contact invited = contacts.inviteContact(id, contactId);
			return invited.hasInvitationMailedAt() ? "invited" : "invited-not-mailed";
		});
	}

	@PostMapping("/console/organisations/{id}/contacts/{contactId}/resend-invitation")
	String resend(@PathVariable String id, @PathVariable String contactId) {
		return outcome(id, contactId, () -> {
			contacts.resendInvitation(id, contactId);
			return "resent";
		});
	}

	@GetMapping("/console/organisations/{id}/contacts/{contactId}/remove")
	String confirmRemoval(@PathVariable String id, @PathVariable String contactId, Model model) {
		Organisation organisation = customers.organisation(id);
		Contact contact = OrganisationController.contactOf(organisation, contactId);
		model.addAttribute("organisation", organisation);
		model.addAttribute("contact", contact);
		return "console/remove-contact";
	}

	@PostMapping("/console/organisations/{id}/contacts/{contactId}/remove")
	String remove(@PathVariable String id, @PathVariable String contactId) {
		return outcome(id, contactId, () -> {
			contacts.removeContact(id, contactId);
			return "removed";
		});
	}

	private static String outcome(String organisationId, String contactId, java.util.function.Supplier<String> action) {
		String notice;
		try {
			notice = action.get();
		}
		catch (UnprocessableException | ConflictException ex) {
			notice = "refused";
		}
		catch (RemoteUnavailableException ex) {
			notice = "unavailable";
		}
		return OrganisationController.redirectWithNotice(organisationId, notice, contactId);
	}
}
