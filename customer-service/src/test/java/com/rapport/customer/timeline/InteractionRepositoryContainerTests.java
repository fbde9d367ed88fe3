package com.rapport.customer.timeline;

import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.mongodb.MongoDBContainer;

import com.rapport.customer.MongoConfiguration;

import org.springframework.boot.data.mongodb.test.autoconfigure.DataMongoTest;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/** The same contract against a real MongoDB; skipped where no Docker engine runs. */
@DataMongoTest
@Import(MongoConfiguration.class)
@Testcontainers(disabledWithoutDocker = true)
class InteractionRepositoryContainerTests extends InteractionRepositoryContract {

	@Container
	@ServiceConnection
	static MongoDBContainer mongo = new MongoDBContainer("mongo:8.0");

	/** The embedded server ignores these indexes (it logs so); a real MongoDB must answer from them. */
	@Test
	void theTimelineIsReadFromAnIndexWithoutSortingInMemory() {
		interactions.insert(interaction("s", "1", "acme", InteractionKind.ORDER_PLACED, T0));
		Document newestFirst = new Document("occurredAt", -1).append("_id", -1);
		for (Document filter : List.of(new Document("organisationId", "acme"), new Document("organisationId", "acme")
			.append("kind", new Document("$in", List.of("ORDER_PLACED", "ORDER_DELAYED"))))) {
			Document explain = template.getDb().runCommand(new Document("explain",
					new Document("find", "interactions").append("filter", filter).append("sort", newestFirst))
				.append("verbosity", "queryPlanner"));
			assertThat(explain.toJson()).contains("IXSCAN").doesNotContain("COLLSCAN")
				.doesNotContain("\"stage\": \"SORT\"");
		}
	}
}
