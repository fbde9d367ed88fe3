package com.rapport.customer.figures;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.rapport.customer.organisation.LifecycleStage;
import com.rapport.customer.organisation.Organisation;
import com.rapport.support.error.Message;
import com.rapport.support.error.UnprocessableException;
import com.rapport.support.security.Caller;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * The lifecycle stages in force now, counted for the dashboard and the QBR (managers and admins). Never a scan: every
 * organisation's by counts on the index {@value #INDEX} ({@code lifecycleStage}), the named ones' read by id (each its
 * stage only).
 */
@Service
public class LifecycleFigures {

	static final int MAX_ORGANISATIONS = 5_000;

	static final String INDEX = "lifecycle_stage";

	private final MongoTemplate mongo;

	LifecycleFigures(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	/** The index every organisation's stages are counted by; made once, a no-op when it is there. */
	@EventListener(ApplicationReadyEvent.class)
	void index() {
		mongo.indexOps(Organisation.class).createIndex(new Index().on("lifecycleStage", Sort.Direction.ASC).named(INDEX));
	}

	/** One organisation and its stage, as read for the named ones. */
	record Staged(String id, LifecycleStage lifecycleStage) {
	}

	/** A named set of organisations (a tier's, an industry's, a region's). */
	public record Group(String label, Set<String> customerIds) {
	}

	public record Figures(StageCounts total, List<StageCounts> groups) {
	}

	public Figures of(Caller caller, List<String> customerIds, List<Group> groups) {
		if (!caller.hasRole(Caller.MANAGER) && !caller.hasRole(Caller.ADMIN)) {
			throw new AccessDeniedException("The lifecycle figures are the managers'");
		}
		long named = customerIds.size() + groups.stream().mapToLong(group -> group.customerIds().size()).sum();
		if (named > MAX_ORGANISATIONS) {
			throw UnprocessableException.field(Message.of("organisations.figures-invalid"),
					customerIds.size() > MAX_ORGANISATIONS ? "customerIds" : "groups",
					Message.of("organisations.figures.organisations", MAX_ORGANISATIONS));
		}
		Set<String> toRead = new LinkedHashSet<>(customerIds);
		groups.forEach(group -> toRead.addAll(group.customerIds()));
		Map<String, LifecycleStage> stages = stagesOf(toRead);
		StageCounts total = customerIds.isEmpty() ? everyOrganisation() : count("", customerIds, stages);
		List<StageCounts> groupCounts = new ArrayList<>();
		groups.forEach(group -> groupCounts.add(count(group.label(), group.customerIds(), stages)));
		return new Figures(total, groupCounts);
	}

	private StageCounts everyOrganisation() {
		StageCounts counts = StageCounts.empty("");
		for (LifecycleStage stage : LifecycleStage.values()) {
			// Every organisation is stored with its stage (a prospect until its first order).
			counts = counts.plus(stage,
					mongo.count(Query.query(Criteria.where("lifecycleStage").is(stage.name())), Organisation.class));
		}
		return counts;
	}

	private Map<String, LifecycleStage> stagesOf(Set<String> ids) {
		if (ids.isEmpty()) {
			return Map.of();
		}
		Query query = Query.query(Criteria.where("_id").in(ids));
		query.fields().include("lifecycleStage");
		return mongo.find(query, Staged.class, mongo.getCollectionName(Organisation.class)).stream()
			.collect(Collectors.toMap(Staged::id, staged -> staged.lifecycleStage() == null ? LifecycleStage.PROSPECT
					: staged.lifecycleStage(), (one, other) -> one));
	}

	/** An organisation this service does not know counts nowhere. */
	private static StageCounts count(String label, java.util.Collection<String> ids, Map<String, LifecycleStage> stages) {
		StageCounts counts = StageCounts.empty(label);
		for (String id : new LinkedHashSet<>(ids)) {
			LifecycleStage stage = stages.get(id);
			if (stage != null) {
				counts = counts.plus(stage, 1);
			}
		}
		return counts;
	}
}
