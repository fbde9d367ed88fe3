package com.rapport.portal.console;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;

import com.rapport.contracts.problem.v1.Problem;
import com.rapport.contracts.ticket.v1.BulkAssignRequest;
import com.rapport.contracts.ticket.v1.BulkAssignResult;
import com.rapport.contracts.ticket.v1.SupportTeam;
import com.rapport.contracts.ticket.v1.TeamAgent;
import com.rapport.contracts.ticket.v1.TicketCategory;
import com.rapport.portal.remote.AssignmentClient;
import com.rapport.portal.web.TicketChoices;
import com.rapport.portal.web.TicketPages;
import com.rapport.support.error.Message;
import com.rapport.support.error.NotFoundException;
import com.rapport.support.error.UnprocessableException;
import com.rapport.support.message.Texts;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Who works tickets, in the console: the support teams with each agent's skills, cap, availability and open tickets
 * (staff read them; managers and admins create and change them), and bulk assignment of the tickets chosen in the
 * queue, each ticket's outcome said. ticket-service checks every permission again, validates and audits.
 */
@Controller
@PreAuthorize("hasAnyRole('agent', 'manager', 'admin')")
class AssignmentController {

	/** Blank agent rows a team's form offers beyond its agents. */
	static final int BLANK_ROWS = 3;

	static final int MAX_ROWS = 50;

	static final List<String> LANGUAGES = List.of("zh-CN", "en");

	private final AssignmentClient assignment;

	private final TicketPages pages;

	private final Texts texts;

	AssignmentController(AssignmentClient assignment, TicketPages pages, Texts texts) {
		this.assignment = assignment;
		this.pages = pages;
		this.texts = texts;
	}

	@GetMapping("/console/teams")
	String teams(@RequestParam(required = false) String saved, Model model) {
		model.addAttribute("teams", assignment.teams());
		model.addAttribute("saved", saved);
		return "console/teams";
	}

	@GetMapping("/console/teams/new")
	@PreAuthorize("hasAnyRole('manager', 'admin')")
	String newTeam(Model model) {
		return form(model, TeamForm.of(SupportTeam.getDefaultInstance()), true, Map.of());
	}

	@GetMapping("/console/teams/{id}")
	@PreAuthorize("hasAnyRole('manager', 'admin')")
	String editTeam(@PathVariable String id, Model model) {
		SupportTeam team = assignment.teams().stream().filter(t -> t.getId().equals(id)).findFirst()
			.orElseThrow(() -> new NotFoundException(Message.of("assignment.team-not-found", id)));
		return form(model, TeamForm.of(team), false, Map.of());
	}

	@PostMapping("/console/teams")
	@PreAuthorize("hasAnyRole('manager', 'admin')")
	String saveTeam(@RequestParam MultiValueMap<String, String> posted, Model model, HttpServletResponse response) {
		TeamForm form = TeamForm.from(posted);
		try {
			SupportTeam saved = assignment.save(form.team());
			return "redirect:/console/teams?saved=" + saved.getId();
		}
		catch (UnprocessableException ex) {
			response.setStatus(422);
			return form(model, form, "true".equals(posted.getFirst("creating")), form.onRows(pages.errors(ex)));
		}
	}

	/** One ticket's outcome as the page says it. */
	record Outcome(String ticket, boolean assigned, String why) {
	}

	@PostMapping("/console/tickets/bulk-assignment")
	String bulkAssign(@RequestParam(name = "ticket", required = false) List<String> tickets,
			@RequestParam(defaultValue = "") String assigneeId, @RequestParam(defaultValue = "") String reason,
			Model model, HttpServletResponse response) {
		List<String> chosen = tickets == null ? List.of() : tickets;
		model.addAttribute("assigneeId", assigneeId);
		try {
			List<BulkAssignResult> results = assignment.bulkAssign(BulkAssignRequest.newBuilder()
				.addAllTicketIds(chosen).setAssigneeId(assigneeId.strip())
				.setAssigneeName(displayName(assigneeId.strip())).setReason(reason.strip()).build());
			model.addAttribute("outcomes", results.stream()
				.map(r -> new Outcome(r.getTicketNumber().isEmpty() ? r.getTicketId() : r.getTicketNumber(),
						r.getAssigned(), r.getAssigned() ? "" : say(r.getProblem())))
				.toList());
			model.addAttribute("errors", Map.of());
		}
		catch (UnprocessableException ex) {
			response.setStatus(422);
			model.addAttribute("outcomes", List.of());
			model.addAttribute("errors", pages.errors(ex));
		}
		return "console/bulk-assigned";
	}

	/** The agent's display name as their team says it; else the user name is shown. */
	private String displayName(String userName) {
		return agents(assignment.teams()).getOrDefault(userName, "");
	}

	/** Every agent of every team once (user name to display name), for the forms that give tickets to one. */
	static Map<String, String> agents(List<SupportTeam> teams) {
		Map<String, String> agents = new LinkedHashMap<>();
		teams.forEach(team -> team.getAgentsList()
			.forEach(a -> agents.putIfAbsent(a.getUserName(), a.getDisplayName().isEmpty() ? a.getUserName()
					: a.getDisplayName())));
		return agents;
	}

	private String say(Problem problem) {
		var locale = LocaleContextHolder.getLocale();
		String reason = texts.say(new Message(problem.getCode(), problem.getArgsList()), locale);
		// Bulk assignment's fields are the ones a ticket's assignment may refuse: the reason, the agent.
		List<String> fields = problem.getFieldsList().stream()
			.map(f -> texts.say(locale, "console.bulk.field." + f.getField()) + ": "
					+ texts.say(new Message(f.getCode(), f.getArgsList()), locale))
			.toList();
		return fields.isEmpty() ? reason : reason + " " + String.join("; ", fields);
	}

	private String form(Model model, TeamForm form, boolean creating, Map<String, String> errors) {
		model.addAttribute("form", form);
		model.addAttribute("creating", creating);
		model.addAttribute("errors", errors);
		model.addAttribute("categories", TicketChoices.CATEGORIES);
		model.addAttribute("languages", LANGUAGES);
		return "console/team-form";
	}

	/** An agent's row of the team's form, as shown and posted. */
	record AgentRow(String userName, String displayName, Set<String> categories, Set<String> languages,
			String maxOpenTickets, boolean available) {

		boolean blank() {
			return userName.isBlank() && displayName.isBlank();
		}
	}

	/** The team's form, as shown and posted; categories are the proto's names. */
	record TeamForm(String id, String name, Set<String> categories, List<AgentRow> agents) {

		static TeamForm of(SupportTeam team) {
			List<AgentRow> rows = new ArrayList<>();
			for (TeamAgent agent : team.getAgentsList()) {
				rows.add(new AgentRow(agent.getUserName(), agent.getDisplayName(), names(agent.getCategoriesList()),
						new LinkedHashSet<>(agent.getLanguagesList()), String.valueOf(agent.getMaxOpenTickets()),
						agent.getAvailable()));
			}
			for (int i = 0; i < BLANK_ROWS; i++) {
				rows.add(new AgentRow("", "", Set.of(), Set.of(), "10", true));
			}
			return new TeamForm(team.getId(), team.getName(), names(team.getCategoriesList()), rows);
		}

		/** The form as posted: rows {@code agents[i].*}, at most {@value #MAX_ROWS}. */
		static TeamForm from(MultiValueMap<String, String> posted) {
			List<AgentRow> rows = new ArrayList<>();
			for (int i = 0; i < MAX_ROWS; i++) {
				String at = "agents[" + i + "].";
				if (!posted.containsKey(at + "userName")) {
					break;
				}
				rows.add(new AgentRow(text(posted.getFirst(at + "userName")), text(posted.getFirst(at + "displayName")),
						values(posted.get(at + "categories")), values(posted.get(at + "languages")),
						text(posted.getFirst(at + "maxOpenTickets")), "true".equals(posted.getFirst(at + "available"))));
			}
			return new TeamForm(text(posted.getFirst("id")), text(posted.getFirst("name")),
					values(posted.get("categories")), rows);
		}

		/**
		 * The refusal's field errors on the form's rows: ticket-service numbers the agents it was sent, which leave
		 * out the blank rows.
		 */
		Map<String, String> onRows(Map<String, String> errors) {
			List<Integer> sent = new ArrayList<>();
			for (int i = 0; i < agents.size(); i++) {
				if (!agents.get(i).blank()) {
					sent.add(i);
				}
			}
			Map<String, String> shown = new LinkedHashMap<>();
			errors.forEach((field, text) -> {
				var matcher = java.util.regex.Pattern.compile("agents\\[(\\d+)\\](.*)").matcher(field);
				if (matcher.matches() && Integer.parseInt(matcher.group(1)) < sent.size()) {
					shown.put("agents[" + sent.get(Integer.parseInt(matcher.group(1))) + "]" + matcher.group(2), text);
				}
				else {
					shown.put(field, text);
				}
			});
			return shown;
		}

		/** The team to save: blank rows left out, unknown categories and languages too. */
		SupportTeam team() {
			SupportTeam.Builder team = SupportTeam.newBuilder().setId(id).setName(name)
				.addAllCategories(categories(categories));
			for (AgentRow row : agents) {
				if (row.blank()) {
					continue;
				}
				int cap;
				try {
					cap = Integer.parseInt(row.maxOpenTickets());
				}
				catch (NumberFormatException ex) {
					// ticket-service names the field: "must be between 1 and 500".
					cap = 0;
				}
				team.addAgents(TeamAgent.newBuilder().setUserName(row.userName()).setDisplayName(row.displayName())
					.addAllCategories(categories(row.categories()))
					.addAllLanguages(row.languages().stream().filter(LANGUAGES::contains).toList())
					.setMaxOpenTickets(cap).setAvailable(row.available()));
			}
			return team.build();
		}

		private static List<TicketCategory> categories(Set<String> names) {
			return TicketChoices.CATEGORIES.stream().filter(c -> names.contains(c.name())).toList();
		}

		private static Set<String> names(List<TicketCategory> categories) {
			Set<String> names = new LinkedHashSet<>();
			categories.forEach(c -> names.add(c.name()));
			return names;
		}

		private static Set<String> values(List<String> values) {
			return values == null ? Set.of() : new LinkedHashSet<>(values);
		}

		private static String text(String value) {
			return value == null ? "" : value.strip();
		}
	}
}
