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
}
