package com.rapport.support.mongo.store;

import java.util.ArrayList;
import java.util.List;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StoreSmokeTests {

	@Test
	void findsByASecondaryIndexAndSaysSo() {
		try (EmbeddedStore store = EmbeddedStore.inMemory()) {
			MongoCollection<Document> orders = store.database().getCollection("orders");
			orders.createIndex(Indexes.compoundIndex(Indexes.ascending("customerId"), Indexes.descending("placedAt")),
					new IndexOptions().name("customer_placed"));
			List<Document> batch = new ArrayList<>();
			for (int i = 0; i < 1000; i++) {
				batch.add(new Document("_id", "o" + i).append("customerId", "c" + (i % 10)).append("placedAt", i));
			}
			orders.insertMany(batch);
			List<Document> newest = orders.find(Filters.eq("customerId", "c3")).sort(Sorts.descending("placedAt"))
				.limit(3).into(new ArrayList<>());
			assertThat(newest).extracting(d -> d.get("_id")).containsExactly("o993", "o983", "o973");
			assertThat(orders.countDocuments(Filters.eq("customerId", "c3"))).isEqualTo(100);
			Document explain = orders.find(Filters.eq("customerId", "c3")).sort(Sorts.descending("placedAt")).limit(3)
				.explain();
			assertThat(explain.toJson()).contains("IXSCAN").contains("customer_placed").doesNotContain("COLLSCAN")
				.doesNotContain("SORT");
		}
	}

	@Test
	void aCountOfOneClosedIndexRangeIsExplainedAsReadFromTheIndexAloneAndOneNeedingDocumentsAsFetchingThem() {
		try (EmbeddedStore store = EmbeddedStore.inMemory()) {
			MongoCollection<Document> tickets = store.database().getCollection("tickets");
			tickets.createIndex(Indexes.ascending("lane", "due"), new IndexOptions().name("lane_due"));
			List<Document> batch = new ArrayList<>();
			for (int i = 0; i < 100; i++) {
				batch.add(new Document("_id", "t" + i).append("lane", i % 2 == 0 ? "RUNNING" : "DONE").append("due", i)
					.append("risk", i % 4));
			}
			tickets.insertMany(batch);
			List<Document> countOneRange = List.of(
					new Document("$match", new Document("lane", "RUNNING").append("due",
							new Document("$gte", 50).append("$lt", 1000))),
					new Document("$group", new Document("_id", 1).append("n", new Document("$sum", 1))));
			List<Document> countNeedingDocuments = List.of(
					new Document("$match", new Document("lane", "RUNNING").append("risk", 2)),
					new Document("$group", new Document("_id", 1).append("n", new Document("$sum", 1))));

			assertThat(tickets.countDocuments(Filters.and(Filters.eq("lane", "RUNNING"), Filters.gte("due", 50),
					Filters.lt("due", 1000)))).isEqualTo(25);
			assertThat(tickets.countDocuments(Filters.and(Filters.eq("lane", "RUNNING"), Filters.eq("risk", 2))))
				.isEqualTo(25);
			assertThat(tickets.aggregate(countOneRange).explain().toJson()).contains("IXSCAN").contains("lane_due")
				.doesNotContain("FETCH").doesNotContain("COLLSCAN");
			assertThat(tickets.aggregate(countNeedingDocuments).explain().toJson()).contains("FETCH");
		}
	}
}
