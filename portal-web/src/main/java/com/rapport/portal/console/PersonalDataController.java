package com.rapport.portal.console;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import com.rapport.contracts.privacy.v1.ErasePersonalDataResponse;
import com.rapport.contracts.privacy.v1.ExportPersonalDataResponse;
import com.rapport.contracts.privacy.v1.Subject;
import com.rapport.portal.remote.PersonalDataClient;
import com.rapport.portal.remote.PersonalDataClient.IncompleteErasure;
import com.rapport.support.security.Caller;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * A contact's rights over their personal data, exercised by an admin: one JSON download of everything
 * every service holds, and erasure everywhere. The services check the admin role again and audit both.
 */
@Controller
@PreAuthorize("hasRole('admin')")
class PersonalDataController {

	private final PersonalDataClient personalData;

	private final JsonMapper json;

	private final Clock clock;

	PersonalDataController(PersonalDataClient personalData, JsonMapper json) {
		this.personalData = personalData;
		this.json = json;
		this.clock = Clock.systemUTC();
	}

	@GetMapping("/console/organisations/{id}/contacts/{contactId}/personal-data")
	ResponseEntity<byte[]> export(@PathVariable String id, @PathVariable String contactId) {
		Subject subject = personalData.subject(id, contactId);
		List<ExportPersonalDataResponse> exports = personalData.export(subject);
		ObjectNode document = json.createObjectNode();
		document.put("exportedAt", Instant.now(clock).toString());
		document.put("exportedBy", Caller.current().name());
		ObjectNode who = document.putObject("subject");
		who.put("organisationId", subject.getOrganisationId());
		who.put("contactId", subject.getContactId());
		who.put("name", subject.getName());
		who.put("email", subject.getEmail());
		who.put("phone", subject.getPhone());
		who.put("username", subject.getUsername());
		ObjectNode services = document.putObject("services");
		for (ExportPersonalDataResponse export : exports) {
			services.set(export.getService(), json.readTree(export.getJson()));
		}
		byte[] body = json.writerWithDefaultPrettyPrinter().writeValueAsString(document).getBytes(StandardCharsets.UTF_8);
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
				.filename("personal-data-" + contactId + ".json").build().toString())
			.body(body);
	}

	@GetMapping("/console/organisations/{id}/contacts/{contactId}/erase")
	String confirmErase(@PathVariable String id, @PathVariable String contactId, Model model) {
		model.addAttribute("subject", personalData.subject(id, contactId));
		model.addAttribute("services", PersonalDataClient.SERVICES);
		return "console/erase";
	}

	@PostMapping("/console/organisations/{id}/contacts/{contactId}/erase")
	String erase(@PathVariable String id, @PathVariable String contactId, Model model, HttpServletResponse response) {
		Subject subject = personalData.subject(id, contactId);
		model.addAttribute("subject", subject);
		try {
			List<ErasePersonalDataResponse> done = personalData.erase(subject);
			model.addAttribute("done", done);
			return "console/erased";
		}
		catch (IncompleteErasure ex) {
			model.addAttribute("services", PersonalDataClient.SERVICES);
			model.addAttribute("done", ex.done());
			model.addAttribute("failedService", ex.service());
			response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
			return "console/erase";
		}
	}
}
