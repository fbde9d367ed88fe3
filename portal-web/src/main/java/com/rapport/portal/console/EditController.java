package com.rapport.portal.console;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.rapport.contracts.customer.v1.Contact;
import com.rapport.contracts.customer.v1.ContactFields;
import com.rapport.contracts.customer.v1.Organisation;
import com.rapport.contracts.customer.v1.OrganisationFields;
import com.rapport.contracts.customer.v1.OrganisationStatus;
import com.rapport.contracts.customer.v1.PreferredChannel;
import com.rapport.contracts.customer.v1.SizeBand;
import com.rapport.portal.remote.CustomerClient;
import com.rapport.portal.remote.ContactClient;
import com.rapport.portal.web.Choices;
import com.rapport.support.error.ConflictException;
import com.rapport.support.error.UnprocessableException;
import com.rapport.support.message.Texts;
import jakarta.servlet.http.HttpServletResponse;


import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Staff create and edit organisations and contacts. customer-service checks every field (the same rules as
 * the partner API) and names each bad one; the form comes back with what was typed and the message beside
 * the field, and nothing is stored. An edit made on an old version of the organisation is refused rather
 * than overwriting someone else's.
 */
@Controller
@PreAuthorize("hasAnyRole('agent', 'manager', 'admin')")
class EditController {

	static final List<SizeBand> SIZE_BANDS = List.of(SizeBand.SIZE_BAND_MICRO, SizeBand.SIZE_BAND_SMALL,
			SizeBand.SIZE_BAND_MEDIUM, SizeBand.SIZE_BAND_LARGE, SizeBand.SIZE_BAND_ENTERPRISE);

	static final List<OrganisationStatus> STATUSES = List.of(OrganisationStatus.ORGANISATION_STATUS_ACTIVE,
			OrganisationStatus.ORGANISATION_STATUS_INACTIVE);

	static final List<PreferredChannel> CHANNELS = List.of(PreferredChannel.PREFERRED_CHANNEL_EMAIL,
			PreferredChannel.PREFERRED_CHANNEL_SMS, PreferredChannel.PREFERRED_CHANNEL_PORTAL);

	private final CustomerClient customers;

	private final ContactClient contacts;

	private final Texts texts;

	EditController(CustomerClient customers, ContactClient contacts, Texts texts) {
		this.customers = customers;
		this.contacts = contacts;
		this.texts = texts;
	}

	@GetMapping("/console/new-organisation")
	String newOrganisation(Model model) {
		return organisationForm(model, null, "", OrganisationFields.newBuilder()
			.setStatus(OrganisationStatus.ORGANISATION_STATUS_ACTIVE).build(), 0, Map.of());
	}

	@PostMapping("/console/new-organisation")
	String createOrganisation(@RequestParam(defaultValue = "") String id, OrganisationForm form, Model model,
			HttpServletResponse response) {
		try {
			Organisation created = customers.createOrganisation(id.strip(), form.fields());
			return redirect(created.getId(), "created");
		}
		catch (UnprocessableException ex) {
			response.setStatus(422);
			return organisationForm(model, null, id, form.fields(), 0, errors(ex));
		}
	}

	@GetMapping("/console/organisations/{id}/edit")
	String editOrganisation(@PathVariable String id, Model model) {
		Organisation o = customers.organisation(id);
		return organisationForm(model, o, o.getId(), OrganisationFields.newBuilder().setName(o.getName())
			.setIndustry(o.getIndustry()).setSizeBand(o.getSizeBand()).setCountry(o.getCountry())
			.setRegion(o.getRegion()).addAllTags(o.getTagsList()).setAccountManager(o.getAccountManager())
			.setStatus(o.getStatus()).build(), o.getVersion(), Map.of());
	}

	@PostMapping("/console/organisations/{id}/edit")
	String updateOrganisation(@PathVariable String id, @RequestParam long version, OrganisationForm form, Model model,
			HttpServletResponse response) {
		try {
			customers.updateOrganisation(id, form.fields(), version);
			return redirect(id, "saved");
		}
		catch (UnprocessableException ex) {
			response.setStatus(422);
			return organisationForm(model, customers.organisation(id), id, form.fields(), version, errors(ex));
		}
		catch (ConflictException ex) {
			response.setStatus(409);
			return organisationForm(model, customers.organisation(id), id, form.fields(), version, CONFLICT);
		}
	}

	@GetMapping("/console/organisations/{id}/contacts/new")
	String newContact(@PathVariable String id, Model model) {
		return contactForm(model, customers.organisation(id), null, ContactFields.newBuilder().setLanguage("zh-CN")
			.setTimeZone("Asia/Shanghai").setPreferredChannel(PreferredChannel.PREFERRED_CHANNEL_EMAIL).build(), Map.of());
	}

	@PostMapping("/console/organisations/{id}/contacts/new")
	String addContact(@PathVariable String id, ContactForm form, Model model, HttpServletResponse response) {
		try {
			contacts.addContact(id, form.fields());
			return redirect(id, "contact-added");
		}
		catch (UnprocessableException ex) {
			response.setStatus(422);
			return contactForm(model, customers.organisation(id), null, form.fields(), errors(ex));
		}
		catch (ConflictException ex) {
			response.setStatus(409);
			return contactForm(model, customers.organisation(id), null, form.fields(), CONFLICT);
		}
	}

	@GetMapping("/console/organisations/{id}/contacts/{contactId}/edit")
	String editContact(@PathVariable String id, @PathVariable String contactId, Model model) {
		Organisation o = customers.organisation(id);
		Contact c = OrganisationController.contactOf(o, contactId);
		return contactForm(model, o, c, ContactFields.newBuilder().setName(c.getName()).setJobTitle(c.getJobTitle())
			.setEmail(c.getEmail()).setPhone(c.getPhone()).setLanguage(c.getLanguage()).setTimeZone(c.getTimeZone())
			.setBirthday(c.getBirthday()).setPreferredChannel(c.getPreferredChannel()).build(), Map.of());
	}

	@PostMapping("/console/organisations/{id}/contacts/{contactId}/edit")
	String updateContact(@PathVariable String id, @PathVariable String contactId, ContactForm form, Model model,
			HttpServletResponse response) {
		try {
			contacts.updateContact(id, contactId, form.fields());
			return redirect(id, "contact-saved");
		}
		catch (UnprocessableException | ConflictException ex) {
			response.setStatus(ex instanceof ConflictException ? 409 : 422);
			Organisation o = customers.organisation(id);
			Contact c = OrganisationController.contactOf(o, contactId);
			return contactForm(model, o, c, form.fields(),
					ex instanceof UnprocessableException unprocessable ? errors(unprocessable) : CONFLICT);
		}
	}

	/** The organisation form as posted; {@code tags} comma-separated. */
	record OrganisationForm(String name, String industry, String sizeBand, String country, String region, String tags,
			String accountManager, String status) {

		OrganisationFields fields() {
			OrganisationFields.Builder fields = OrganisationFields.newBuilder().setName(text(name))
				.setIndustry(text(industry)).setCountry(text(country).toUpperCase(java.util.Locale.ROOT))
				.setRegion(text(region)).setAccountManager(text(accountManager))
				.addAllTags(Arrays.stream(text(tags).split(",")).map(String::strip).filter(t -> !t.isEmpty()).toList());
			SIZE_BANDS.stream().filter(band -> band.name().equals(sizeBand)).findFirst().ifPresent(fields::setSizeBand);
			STATUSES.stream().filter(s -> s.name().equals(status)).findFirst().ifPresent(fields::setStatus);
			return fields.build();
		}
	}

	/** The contact form as posted. */
	record ContactForm(String name, String jobTitle, String email, String phone, String language, String timeZone,
			String birthday, String preferredChannel) {

		ContactFields fields() {
			ContactFields.Builder fields = ContactFields.newBuilder().setName(text(name)).setJobTitle(text(jobTitle))
				.setEmail(text(email)).setPhone(text(phone)).setLanguage(text(language)).setTimeZone(text(timeZone))
				.setBirthday(text(birthday));
			CHANNELS.stream().filter(c -> c.name().equals(preferredChannel)).findFirst()
				.ifPresent(fields::setPreferredChannel);
			return fields.build();
		}
	}

	private static String text(String value) {
		return value == null ? "" : value.strip();
	}

	/** The form's errors when the edit lost to another made meanwhile (409): the form says so above the fields. */
	private static final Map<String, String> CONFLICT = Map.of("form", "");

	/**
	 * The service's message per field (422), in the reader's language. A refusal naming no field still marks the
	 * form invalid, under a key no field has.
	 */
	private Map<String, String> errors(UnprocessableException ex) {
		if (ex.fieldErrors().isEmpty()) {
			return Map.of("request", String.valueOf(texts.reason(ex, ex.reason(), LocaleContextHolder.getLocale())));
		}
		return texts.fields(ex, LocaleContextHolder.getLocale());
	}

	private String organisationForm(Model model, Organisation organisation, String id, OrganisationFields fields,
			long version, Map<String, String> errors) {
		model.addAttribute("organisation", organisation);
		model.addAttribute("id", id);
		model.addAttribute("fields", fields);
		model.addAttribute("tags", String.join(", ", fields.getTagsList()));
		model.addAttribute("version", version);
		model.addAttribute("errors", errors);
		model.addAttribute("sizeBands", SIZE_BANDS);
		model.addAttribute("statuses", STATUSES);
		return "console/organisation-form";
	}

	private String contactForm(Model model, Organisation organisation, Contact contact, ContactFields fields,
			Map<String, String> errors) {
		model.addAttribute("organisation", organisation);
		model.addAttribute("contact", contact);
		model.addAttribute("fields", fields);
		model.addAttribute("errors", errors);
		model.addAttribute("languages", Choices.LANGUAGES);
		model.addAttribute("zones", Choices.ZONES);
		model.addAttribute("channels", CHANNELS);
		return "console/contact-form";
	}

	private static String redirect(String organisationId, String notice) {
		return OrganisationController.redirectWithNotice(organisationId, notice, null);
	}
}
