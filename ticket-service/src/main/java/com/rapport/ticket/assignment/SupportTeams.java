package com.rapport.ticket.assignment;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import com.rapport.support.audit.AuditTrail;
import com.rapport.support.error.Message;
import com.rapport.support.error.UnprocessableException;
import com.rapport.support.security.Caller;
import com.rapport.ticket.ticket.Category;
import com.rapport.ticket.ticket.QueueKeys;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.validation.Errors;
import org.springframework.validation.MapBindingResult;

/**
 * The support teams: staff read them (each agent with the open tickets they have), managers and admins create or
 * replace one, validated (every bad field named, {@code assignment.cannot-save-team}) and audited
 * ({@code assignment.team-changed}). A ticket goes to the first team (by id) that takes its category.
 */
@Service
public class SupportTeams {

	static final int MAX_NAME = 80;

	static final int MAX_AGENTS = 50;

	static final int MAX_CAP = 500;

	static final Set<String> LANGUAGES = Set.of("en", "zh-CN");

	private static final Pattern TEAM_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");

	private static final Pattern USER_NAME = Pattern.compile("[A-Za-z0-9._@-]{1,80}");

	private final MongoTemplate mongo;

	private final AuditTrail audit;

	private final Clock clock;

	SupportTeams(MongoTemplate mongo, AuditTrail audit, Clock clock) {
		this.mongo = mongo;
		this.audit = audit;
		this.clock = clock;
	}

	/** A team with how many open tickets each of its agents has now (by user name). */
	public record TeamLoad(SupportTeam team, Map<String, Long> openTickets) {
	}

	/** Every team by id, with its agents' open tickets (staff). */
	public List<TeamLoad> list(Caller caller) {
		requireStaff(caller);
		List<TeamLoad> answer = new ArrayList<>();
		for (SupportTeam team : all()) {
			Map<String, Long> load = new LinkedHashMap<>();
			team.agents().forEach(agent -> load.put(agent.userName(), openTickets(agent.userName())));
			answer.add(new TeamLoad(team, load));
		}
		return answer;
	}

	/** Every team by id. */
	public List<SupportTeam> all() {
		return mongo.find(new Query().with(Sort.by("_id")), SupportTeam.class);
	}

	/** The team that takes tickets of {@code category}: the first by id. */
	public Optional<SupportTeam> teamFor(Category category) {
		return all().stream().filter(team -> team.takes(category)).findFirst();
	}

	/** The open tickets (neither resolved nor closed) {@code userName} has, from the queue's assignee index. */
	public long openTickets(String userName) {
		return mongo.count(Query.query(Criteria.where("queue.assignee").is(userName).and("queue.lane")
			.in(QueueKeys.Lane.RUNNING.name(), QueueKeys.Lane.PAUSED.name())), "tickets");
	}

	/** Creates or replaces the team by its id (managers, admins), validated and audited. */
	public SupportTeam save(Caller caller, SupportTeam team) {
		if (!caller.hasRole(Caller.MANAGER) && !caller.hasRole(Caller.ADMIN)) {
			throw new AccessDeniedException("Teams are kept by managers");
		}
		Errors errors = new MapBindingResult(new LinkedHashMap<>(), "team");
		String id = team.id() == null ? "" : team.id().strip();
		if (id.isEmpty()) {
			errors.rejectValue("id", "field.required");
		}
		else if (!TEAM_ID.matcher(id).matches()) {
			errors.rejectValue("id", "assignment.team.id-format");
		}
		checkName(errors, "name", team.name());
		if (new HashSet<>(team.categories()).size() < team.categories().size()) {
			errors.rejectValue("categories", "assignment.team.category-twice");
		}
		if (team.agents().isEmpty()) {
			errors.rejectValue("agents", "assignment.team.no-agents");
		}
		else if (team.agents().size() > MAX_AGENTS) {
			errors.rejectValue("agents", "assignment.team.too-many-agents", new Object[] { MAX_AGENTS }, null);
		}
		Set<String> seen = new HashSet<>();
		List<TeamAgent> agents = new ArrayList<>();
		for (int i = 0; i < team.agents().size(); i++) {
			TeamAgent agent = team.agents().get(i);
			String at = "agents[" + i + "].";
			String userName = agent.userName() == null ? "" : agent.userName().strip();
			if (userName.isEmpty()) {
				errors.rejectValue(at + "userName", "field.required");
			}
			else if (!USER_NAME.matcher(userName).matches()) {
				errors.rejectValue(at + "userName", "assignment.agent.user-name-format");
			}
			else if (!seen.add(userName)) {
				errors.rejectValue(at + "userName", "assignment.agent.twice", new Object[] { userName }, null);
			}
			checkName(errors, at + "displayName", agent.displayName());
			for (String language : agent.languages()) {
				if (!LANGUAGES.contains(language)) {
					errors.rejectValue(at + "languages", "assignment.agent.language", new Object[] { language }, null);
					break;
				}
			}
			if (agent.maxOpenTickets() < 1 || agent.maxOpenTickets() > MAX_CAP) {
				errors.rejectValue(at + "maxOpenTickets", "assignment.agent.cap-range", new Object[] { 1, MAX_CAP }, null);
			}
			agents.add(new TeamAgent(userName, agent.displayName() == null ? null : agent.displayName().strip(),
					agent.categories().stream().distinct().toList(), agent.languages().stream().distinct().toList(),
					agent.maxOpenTickets(), agent.available()));
		}
		UnprocessableException.throwIfAny(Message.of("assignment.cannot-save-team"), errors);
		SupportTeam before = mongo.findById(id, SupportTeam.class);
		SupportTeam saved = mongo.save(new SupportTeam(id, team.name().strip(), team.categories(), agents,
				clock.instant(), caller.name()));
		Map<String, String> details = new LinkedHashMap<>();
		details.put("team", saved.id());
		details.put("agents", (before == null ? "none" : names(before)) + " -> " + names(saved));
		details.put("categories", saved.categories().isEmpty() ? "all" : saved.categories().toString());
		audit.record(caller, "assignment.team-changed", "support-team", saved.id(), null, details);
		return saved;
	}

	/** Stores {@code team} unless one with its id is stored: the platform's own work (the demo), not audited. */
	public void storeIfAbsent(SupportTeam team) {
		if (!mongo.exists(Query.query(Criteria.where("_id").is(team.id())), SupportTeam.class)) {
			mongo.save(team);
		}
	}

	private static String names(SupportTeam team) {
		return String.join(",", team.agents().stream()
			.map(a -> a.userName() + (a.available() ? "" : "(away)") + "/" + a.maxOpenTickets()).toList());
	}

	private static void checkName(Errors errors, String field, String name) {
		if (name == null || name.isBlank()) {
			errors.rejectValue(field, "field.required");
		}
		else if (name.strip().length() > MAX_NAME) {
			errors.rejectValue(field, "field.too-long", new Object[] { MAX_NAME }, null);
		}
	}

	static void requireStaff(Caller caller) {
		if (!caller.hasRole(Caller.AGENT) && !caller.hasRole(Caller.MANAGER) && !caller.hasRole(Caller.ADMIN)) {
			throw new AccessDeniedException("Teams are for staff");
		}
	}
}
