package com.rapport.customer.organisation.web;

import java.time.Instant;
import java.util.List;

import com.rapport.customer.organisation.Contact;
import com.rapport.customer.organisation.Organisation;
import com.rapport.customer.organisation.OrganisationService;
import com.rapport.support.security.Caller;

import org.springframework.data.domain.Page;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/customers/v1/organisations")
class OrganisationController {

	private final OrganisationService organisations;

	OrganisationController(OrganisationService organisations) {
		this.organisations = organisations;
	}

	@GetMapping
	PageView list(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
		Page<Organisation> result = organisations.list(Caller.current(), page, size);
		return new PageView(result.getContent().stream().map(OrganisationView::of).toList(), result.getNumber(),
				result.getSize(), result.getTotalElements());
	}

	@GetMapping("/{id}")
	OrganisationView get(@PathVariable String id) {
		return OrganisationView.of(organisations.get(Caller.current(), id));
	}

	record PageView(List<OrganisationView> items, int page, int size, long total) {
	}

	record OrganisationView(String id, String name, String industry, String country, String tier,
			String lifecycleStage, List<ContactView> contacts, Instant createdAt) {

		static OrganisationView of(Organisation o) {
			return new OrganisationView(o.id(), o.name(), o.industry(), o.country(), o.tier().name(),
					o.lifecycleStage().name(), o.contacts().stream().map(ContactView::of).toList(), o.createdAt());
		}
	}

	/** A contact without its login name: that stays between the contact and Keycloak. */
	record ContactView(String name, String jobTitle, String email, String phone, String language, String timeZone) {

		static ContactView of(Contact c) {
			return new ContactView(c.name(), c.jobTitle(), c.email(), c.phone(), c.language(), c.timeZone());
		}
	}
}
