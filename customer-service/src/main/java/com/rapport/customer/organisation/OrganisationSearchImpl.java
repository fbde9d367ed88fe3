package com.rapport.customer.organisation;

import java.time.MonthDay;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

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

	/**
	 * Two indexed reads, each a page by id: the day's birthdays ({@code birthdayKeys}) and the holiday's countries
	 * ({@code country_id}); their union's first {@code limit} ids are the page. A filter with {@code $or} of both
	 * would leave the embedded store (and, without a matching index for each clause, MongoDB) to scan by id.
	 */
	@Override
	public List<Organisation> celebrating(Set<MonthDay> birthdays, Set<String> countries, boolean everyCountry,
			String afterId, int limit) {
		if (everyCountry) {
			return activeAfter(afterId, null, limit);
		}
		TreeMap<String, Organisation> page = new TreeMap<>();
		if (!birthdays.isEmpty()) {
			List<String> days = birthdays.stream().map(Organisation::birthdayKey).sorted().toList();
			activeAfter(afterId, Criteria.where("birthdayKeys").in(days), limit).forEach(o -> page.put(o.id(), o));
		}
		if (!countries.isEmpty()) {
			activeAfter(afterId, Criteria.where("country").in(countries), limit).forEach(o -> page.put(o.id(), o));
		}
		return page.values().stream().limit(limit).toList();
	}

	private List<Organisation> activeAfter(String afterId, Criteria celebrating, int limit) {
		// Documents stored before organisations had a status are active ($ne matches a missing field).
		List<Criteria> all = new ArrayList<>(List.of(Criteria.where("status").ne(OrganisationStatus.INACTIVE.name())));
		if (afterId != null) {
			all.add(Criteria.where("_id").gt(afterId));
		}
		if (celebrating != null) {
			all.add(celebrating);
		}
		return mongo.find(Query.query(new Criteria().andOperator(all)).with(Sort.by("_id")).limit(limit),
				Organisation.class);
	}
}
