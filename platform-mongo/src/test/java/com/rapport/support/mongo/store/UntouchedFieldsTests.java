package com.rapport.support.mongo.store;

import java.util.ArrayList;
import java.util.List;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.backend.IndexKey;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Session 17: an update leaves alone the indexes whose fields it did not touch, and still moves the entries of every
 * index whose fields it touched, however little (a number's type, one element of an array, a sub-document's order).
 */
class UntouchedFieldsTests {

	private static de.bwaldvogel.mongo.bson.Document doc(Object... pairs) {
		de.bwaldvogel.mongo.bson.Document document = new de.bwaldvogel.mongo.bson.Document();
		for (int i = 0; i < pairs.length; i += 2) {
			document.put((String) pairs[i], pairs[i + 1]);
		}
		return document;
	}

	@Test
	void onlyAStrictlyEqualValueCountsAsUntouched() {
		assertThat(UntouchedFields.same("a", "a")).isTrue();
		assertThat(UntouchedFields.same(List.of(doc("sku", "A"), doc("sku", "B")),
				new ArrayList<>(List.of(doc("sku", "A"), doc("sku", "B"))))).isTrue();
		assertThat(UntouchedFields.same(doc("a", 1, "b", 2), doc("a", 1, "b", 2))).isTrue();
		// what MongoDB's index order tells apart, or may: never taken as the same
		assertThat(UntouchedFields.same(doc("a", 1, "b", 2), doc("b", 2, "a", 1))).isFalse();
		assertThat(UntouchedFields.same(1, 1L)).isFalse();
		assertThat(UntouchedFields.same(1, 1.0)).isFalse();
		assertThat(UntouchedFields.same(List.of("A", "B"), List.of("B", "A"))).isFalse();
		assertThat(UntouchedFields.same(null, de.bwaldvogel.mongo.backend.Missing.getInstance())).isFalse();

		List<IndexKey> keys = List.of(new IndexKey("lines.sku", true), new IndexKey("customerId", true));
		var before = doc("customerId", "c1", "lines", List.of(doc("sku", "A")), "note", "x");
		assertThat(UntouchedFields.untouched(before, doc("customerId", "c1", "lines", List.of(doc("sku", "A")),
				"note", "y"), keys)).isTrue();
		assertThat(UntouchedFields.untouched(before, doc("customerId", "c1", "lines", List.of(doc("sku", "B")),
				"note", "x"), keys)).isFalse();
		assertThat(UntouchedFields.untouched(before, doc("lines", List.of(doc("sku", "A")), "note", "x"), keys))
			.isFalse();
	}

	@Test
	void updatesFindTheirDocumentsByEveryIndexTheyTouchedAndByThoseTheyDidNot() {
		try (EmbeddedStore store = EmbeddedStore.inMemory()) {
			MongoCollection<Document> orders = store.database().getCollection("orders");
			orders.createIndex(Indexes.ascending("status"), new IndexOptions().name("status"));
			orders.createIndex(Indexes.ascending("lines.sku"), new IndexOptions().name("sku"));
			orders.createIndex(Indexes.ascending("notices.eventId"), new IndexOptions().name("pending").sparse(true));
			orders.createIndex(Indexes.ascending("amount"), new IndexOptions().name("amount"));
			orders.createIndex(Indexes.ascending("ref"), new IndexOptions().name("ref").unique(true));
			orders.insertOne(new Document("_id", "o1").append("status", "PLACED").append("ref", "R1").append("amount", 1)
				.append("lines", List.of(new Document("sku", "A"), new Document("sku", "B"))).append("note", "n"));
			orders.insertOne(new Document("_id", "o2").append("status", "PLACED").append("ref", "R2").append("amount", 2)
				.append("lines", List.of(new Document("sku", "C"))));

			// fields no index reads: every index still finds the order where it was
			orders.updateOne(Filters.eq("_id", "o1"), Updates.combine(Updates.set("note", "m"), Updates.inc("version", 1)));
			assertThat(ids(orders, Filters.eq("status", "PLACED"))).containsExactly("o1", "o2");
			assertThat(ids(orders, Filters.eq("lines.sku", "B"))).containsExactly("o1");
			assertThat(ids(orders, Filters.eq("ref", "R1"))).containsExactly("o1");

			// one element of an array, a pushed event, a number's type, a status: each index moves its entries
			orders.updateOne(Filters.eq("_id", "o1"), Updates.combine(Updates.set("lines.1.sku", "D"),
					Updates.push("notices", new Document("eventId", "e1")), Updates.set("amount", 1.5),
					Updates.set("status", "SHIPPED")));
			assertThat(ids(orders, Filters.eq("lines.sku", "B"))).isEmpty();
			assertThat(ids(orders, Filters.eq("lines.sku", "D"))).containsExactly("o1");
			assertThat(ids(orders, Filters.gte("notices.eventId", ""))).containsExactly("o1");
			assertThat(ids(orders, Filters.gt("amount", 1))).containsExactly("o1", "o2");
			assertThat(ids(orders, Filters.eq("status", "PLACED"))).containsExactly("o2");
			assertThat(orders.find(Filters.eq("status", "PLACED")).explain().toJson()).contains("IXSCAN");

			// taken off again; a unique key moved is checked against the others and found under its new value
			orders.updateOne(Filters.eq("_id", "o1"), Updates.combine(Updates.pull("notices", new Document("eventId", "e1")),
					Updates.set("ref", "R3")));
			assertThat(ids(orders, Filters.gte("notices.eventId", ""))).isEmpty();
			assertThat(ids(orders, Filters.eq("ref", "R3"))).containsExactly("o1");
			assertThat(ids(orders, Filters.eq("ref", "R1"))).isEmpty();
			org.assertj.core.api.Assertions.assertThatThrownBy(() -> orders.updateOne(Filters.eq("_id", "o2"),
					Updates.combine(Updates.set("ref", "R3"), Updates.set("note", "clash"))))
				.isInstanceOf(com.mongodb.MongoWriteException.class);
			assertThat(ids(orders, Filters.eq("ref", "R2"))).containsExactly("o2");
		}
	}

	private static List<Object> ids(MongoCollection<Document> collection, org.bson.conversions.Bson filter) {
		return collection.find(filter).sort(new Document("_id", 1)).map(d -> d.get("_id")).into(new ArrayList<>());
	}
}
