package com.rapport.customer.organisation;

import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.mongodb.MongoDBContainer;

import com.rapport.customer.MongoConfiguration;

import org.springframework.boot.data.mongodb.test.autoconfigure.DataMongoTest;
import org.springframework.context.annotation.Import;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;

import static org.assertj.core.api.Assertions.assertThat;

/** The same contract against a real MongoDB; skipped where no Docker engine runs. */
@DataMongoTest
@Import(MongoConfiguration.class)
@Testcontainers(disabledWithoutDocker = true)
class OrganisationRepositoryContainerTests extends OrganisationRepositoryContract {

	@Container
	@ServiceConnection
	static MongoDBContainer mongo = new MongoDBContainer("mongo:8.0");

	/** The embedded server ignores this index (it logs so); a real MongoDB must answer search from it. */
	@Test
	void searchIsAnIndexRangeScanNotACollectionScan() {
		organisations.save(Organisation.create("acme-retail", "Acme Retail", null, "CN",
				Contact.of("Alice Chen", null, "alice@acme.example", "+86 21 5555 0101", "en", "Asia/Shanghai", null)));
		for (List<String> terms : List.of(List.of("acme"), List.of("acme", "ali"), List.of("55550101"))) {
			List<Document> clauses = terms.stream()
				.map(t -> new Document("searchKeys", new Document("$regex", SearchKeys.prefixRegex(t))))
				.toList();
			Document filter = clauses.size() == 1 ? clauses.get(0) : new Document("$and", clauses);
			Document explain = template.getDb().runCommand(new Document("explain",
					new Document("find", "organisations").append("filter", filter)).append("verbosity", "queryPlanner"));
			assertThat(explain.toJson()).contains("IXSCAN").contains("searchKeys").doesNotContain("COLLSCAN");
		}
	}
}
