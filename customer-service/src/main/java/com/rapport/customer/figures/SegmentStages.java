package com.rapport.customer.figures;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import com.rapport.customer.organisation.LifecycleStage;
import com.rapport.customer.organisation.Organisation;
import com.rapport.customer.organisation.Tier;
import org.bson.Document;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The lifecycle stages now of the organisations of a segment, counted on three indexes of {@code organisations} made
 * so that every count fixes a prefix of one of them by equality (the stage, and whichever of tier, industry and region
 * the filter and the group fix): {@value #STAGE_SEGMENT} (stage, tier, industry, region), {@value #INDUSTRY_STAGE}
 * (industry, stage, region) and {@value #REGION_STAGE} (region, stage, tier). Each count is then one interval of one
 * index, read in O(log n) without a document; a view costs six counts per group, whatever the number of organisations.
 * The industries and regions found are walked on the indexes led by them, one read of one index entry per value.
 */
@Component
public class SegmentStages {

	static final String STAGE_SEGMENT = "stage_segment";

	public static final String INDUSTRY_STAGE = "industry_stage";

	static final String REGION_STAGE = "region_stage";

	/** The tiers in the order groups are given. */
	static final List<String> TIERS = List.of(Tier.VIP.name(), Tier.KEY.name(), Tier.NORMAL.name());

	private final MongoTemplate mongo;

	public SegmentStages(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	/**
	 * Makes the three indexes (a no-op when they are there) and drops {@code lifecycle_stage} (stage alone), which the
	 * first of them now leads with.
	 */
	public static void index(MongoTemplate mongo) {
		var indexes = mongo.indexOps(Organisation.class);
		indexes.createIndex(new Index().on("lifecycleStage", Sort.Direction.ASC).on("tier", Sort.Direction.ASC)
			.on("industry", Sort.Direction.ASC).on("region", Sort.Direction.ASC).named(STAGE_SEGMENT));
		indexes.createIndex(new Index().on("industry", Sort.Direction.ASC).on("lifecycleStage", Sort.Direction.ASC)
			.on("region", Sort.Direction.ASC).named(INDUSTRY_STAGE));
		indexes.createIndex(new Index().on("region", Sort.Direction.ASC).on("lifecycleStage", Sort.Direction.ASC)
			.on("tier", Sort.Direction.ASC).named(REGION_STAGE));
		if (indexes.getIndexInfo().stream().anyMatch(info -> "lifecycle_stage".equals(info.getName()))) {
			indexes.dropIndex("lifecycle_stage");
		}
	}

	/** The stages now of every organisation the filter admits. */
	public StageCounts count(String label, Segment filter) {
		StageCounts counts = StageCounts.empty(label);
		for (LifecycleStage stage : LifecycleStage.values()) {
			Criteria criteria = Criteria.where("lifecycleStage").is(stage.name());
			if (!filter.tier().isEmpty()) {
				criteria = criteria.and("tier").is(filter.tier());
			}
			if (!filter.industry().isEmpty()) {
				criteria = criteria.and("industry").is(filter.industry());
			}
			if (!filter.region().isEmpty()) {
				criteria = criteria.and("region").is(filter.region());
			}
			counts = counts.plus(stage, mongo.count(Query.query(criteria), Organisation.class));
		}
		return counts;
	}

	/**
	 * One group per value of the dimension found now among the organisations the filter admits: the tiers in their
	 * order, then the industries or regions alphabetically, and last the empty one (not given: the filter's count less
	 * the others', as "not given" is not indexed).
	 */
	List<StageCounts> breakdown(Segment filter, String dimension, StageCounts total) {
		List<String> values = !filter.value(dimension).isEmpty() ? List.of(filter.value(dimension))
				: "tier".equals(dimension) ? TIERS : distinct(dimension);
		List<StageCounts> groups = new ArrayList<>();
		StageCounts given = StageCounts.empty("");
		for (String value : values) {
			StageCounts group = count(value, filter.with(dimension, value));
			given = given.add(group);
			if (group.organisations() > 0) {
				groups.add(group);
			}
		}
		if (!"tier".equals(dimension) && filter.value(dimension).isEmpty()) {
			StageCounts notGiven = total.less(given, "");
			if (notGiven.organisations() > 0) {
				groups.add(notGiven);
			}
		}
		return groups;
	}

	/** The non-empty values of {@code industry} or {@code region} organisations have now, sorted, each once. */
	public List<String> distinct(String field) {
		List<String> values = new ArrayList<>();
		String last = "";
		while (true) {
			Query next = Query.query(Criteria.where(field).gt(last)).with(Sort.by(field)).limit(1);
			next.fields().include(field).exclude("_id");
			Document found = mongo.findOne(next, Document.class, mongo.getCollectionName(Organisation.class));
			if (found == null || !(found.get(field) instanceof String value)) {
				break;
			}
			values.add(value);
			last = value;
		}
		values.sort(Comparator.naturalOrder());
		return values;
	}
}
