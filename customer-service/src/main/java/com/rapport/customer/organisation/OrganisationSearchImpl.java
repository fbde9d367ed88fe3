package com.rapport.customer.organisation;

import java.util.ArrayList;
import java.util.List;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.support.PageableExecutionUtils;

/** Named {@code <fragment>Impl} so Spring Data wires it into {@link OrganisationRepository}. */
class OrganisationSearchImpl implements OrganisationSearch {

	private final MongoOperations mongo;

	OrganisationSearchImpl(MongoOperations mongo) {
		this.mongo = mongo;
	}

	@Override
	public Page<Organisation> search(List<String> terms, String onlyId, Pageable pageable) {
		List<Criteria> all = new ArrayList<>();
		if (onlyId != null) {
			all.add(Criteria.where("_id").is(onlyId));
		}
		// One anchored prefix regex per term on the multikey index: MongoDB scans only the matching key range.
		terms.forEach(term -> all.add(Criteria.where("searchKeys").regex(SearchKeys.prefixRegex(term))));
		Query filter = new Query();
		if (!all.isEmpty()) {
			filter.addCriteria(all.size() == 1 ? all.get(0) : new Criteria().andOperator(all));
		}
		List<Organisation> content = mongo.find(Query.of(filter).with(pageable)
			.with(Sort.by("name", "_id")), Organisation.class);
		return PageableExecutionUtils.getPage(content, pageable, () -> mongo.count(filter, Organisation.class));
	}
}
