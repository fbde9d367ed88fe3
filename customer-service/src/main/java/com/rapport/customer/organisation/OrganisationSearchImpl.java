package com.rapport.customer.organisation;

import java.time.MonthDay;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

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

	@Override
	public List<Organisation> celebrating(Set<MonthDay> birthdays, Set<String> countries, boolean everyCountry,
			String afterId, int limit) {
		List<Criteria> any = new ArrayList<>();
		if (!everyCountry) {
			if (!birthdays.isEmpty()) {
				// Birthdays are stored as ISO text (MongoConfiguration): "1986-04-12" ends with "-04-12".
				any.add(Criteria.where("contacts.birthday").regex(birthdays.stream()
					.map(day -> String.format("%02d-%02d", day.getMonthValue(), day.getDayOfMonth()))
					.sorted().collect(Collectors.joining("|", "-(", ")$"))));
			}
			if (!countries.isEmpty()) {
				any.add(Criteria.where("country").in(countries));
			}
			if (any.isEmpty()) {
				return List.of();
			}
		}
		// Documents stored before organisations had a status are active ($ne matches a missing field).
		List<Criteria> all = new ArrayList<>(List.of(Criteria.where("status").ne(OrganisationStatus.INACTIVE.name())));
		if (afterId != null) {
			all.add(Criteria.where("_id").gt(afterId));
		}
		if (!any.isEmpty()) {
			all.add(any.size() == 1 ? any.get(0) : new Criteria().orOperator(any));
		}
		return mongo.find(Query.query(new Criteria().andOperator(all)).with(Sort.by("_id")).limit(limit),
				Organisation.class);
	}
}
