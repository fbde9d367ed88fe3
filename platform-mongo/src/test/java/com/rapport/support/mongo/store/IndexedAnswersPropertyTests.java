package com.rapport.support.mongo.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The property the planner must keep: on any data and any filter, sort, skip and limit, a collection with indexes
 * answers exactly what the same collection without secondary indexes (a full scan) answers. Each seed makes random
 * documents (missing fields, nulls, mixed numbers, arrays, sub-documents), random updates and deletes, then random
 * queries of the shapes the services send; a failure names its seed, which replays it.
 */
class IndexedAnswersPropertyTests {

	private static EmbeddedStore store;

	private static final String[] WORDS = { "alpha", "alps", "al", "beta", "bet", "gamma", "gam", "零售", "零",
			"o'brien", "a.b", "" };

	@BeforeAll
	static void start() {
		store = EmbeddedStore.inMemory();
	}

	@AfterAll
	static void stop() {
		store.close();
	}

	/** {@code -Drapport.property.seed=N -Drapport.property.tries=1} replays one seed. */
	static Stream<Long> seeds() {
		long base = Long.getLong("rapport.property.seed", 20261206L);
		int count = Integer.getInteger("rapport.property.tries", 40);
		return IntStream.range(0, count).mapToObj(i -> base + i);
	}

	@ParameterizedTest(name = "seed {0}")
	@MethodSource("seeds")
	void indexedAnswersEqualAFullScan(long seed) {
		Random random = new Random(seed);
		MongoCollection<Document> indexed = store.database().getCollection("indexed" + seed);
		MongoCollection<Document> scanned = store.database().getCollection("scanned" + seed);
		indexed.createIndex(Indexes.ascending("a"));
		indexed.createIndex(Indexes.compoundIndex(Indexes.ascending("b"), Indexes.descending("n")));
		indexed.createIndex(Indexes.ascending("tags"));
		indexed.createIndex(Indexes.descending("at"));
		indexed.createIndex(Indexes.compoundIndex(Indexes.ascending("sub.x"), Indexes.ascending("a")));
		indexed.createIndex(Indexes.ascending("s"), new IndexOptions().sparse(true));
		indexed.createIndex(Indexes.ascending("u"), new IndexOptions().unique(true).sparse(true));

		int documents = 40 + random.nextInt(160);
		for (int i = 0; i < documents; i++) {
			Document document = randomDocument(random, i);
			indexed.insertOne(document);
			scanned.insertOne(new Document(document));
		}
		for (int i = 0; i < documents / 4; i++) {
			Bson filter = Filters.eq("_id", "d" + random.nextInt(documents));
			Bson update = switch (random.nextInt(4)) {
				case 0 -> Updates.set("a", randomScalar(random));
				case 1 -> Updates.push("tags", word(random));
				case 2 -> Updates.unset("b");
				default -> Updates.set("sub", new Document("x", random.nextInt(4)));
			};
			indexed.updateOne(filter, update);
			scanned.updateOne(filter, update);
			if (random.nextInt(5) == 0) {
				Bson gone = Filters.eq("_id", "d" + random.nextInt(documents));
				indexed.deleteOne(gone);
				scanned.deleteOne(gone);
			}
		}
		for (int q = 0; q < 40; q++) {
			Bson filter = randomFilter(random);
			List<String> sortFields = randomSort(random);
			Bson sort = sortFields.isEmpty() ? null
					: Sorts.orderBy(sortFields.stream().map(f -> f.startsWith("-") ? Sorts.descending(f.substring(1))
						: Sorts.ascending(f)).toList());
			int skip = random.nextInt(3) == 0 ? random.nextInt(5) : 0;
			int limit = random.nextInt(2) == 0 ? 1 + random.nextInt(10) : 0;
			String what = "seed " + seed + ", filter " + filter + ", sort " + sortFields + ", skip " + skip
					+ ", limit " + limit;

			List<Document> fromIndex = indexed.find(filter).sort(sort).skip(skip).limit(limit).into(new ArrayList<>());
			List<Document> fromScan = scanned.find(filter).sort(sort).skip(skip).limit(limit).into(new ArrayList<>());
			if (sortFields.isEmpty()) {
				if (limit == 0 && skip == 0) {
					assertThat(ids(fromIndex)).as(what).containsExactlyInAnyOrderElementsOf(ids(fromScan));
				}
				else {
					assertThat(fromIndex).as(what).hasSameSizeAs(fromScan);
				}
			}
			else {
				assertThat(sortValues(fromIndex, sortFields)).as(what).isEqualTo(sortValues(fromScan, sortFields));
				if (limit == 0 && skip == 0) {
					assertThat(ids(fromIndex)).as(what).containsExactlyInAnyOrderElementsOf(ids(fromScan));
				}
			}
			assertThat(indexed.countDocuments(filter)).as("count, " + what).isEqualTo(scanned.countDocuments(filter));
		}
		indexed.drop();
		scanned.drop();
	}

	private static Document randomDocument(Random random, int i) {
		Document document = new Document("_id", "d" + i);
		if (random.nextInt(6) != 0) {
			document.put("a", randomScalar(random));
		}
		if (random.nextInt(5) != 0) {
			document.put("b", word(random));
		}
		document.put("n", switch (random.nextInt(3)) {
			case 0 -> random.nextInt(20);
			case 1 -> random.nextInt(20) + 0.5;
			default -> (long) random.nextInt(20);
		});
		if (random.nextInt(4) != 0) {
			List<String> tags = new ArrayList<>();
			IntStream.range(0, random.nextInt(4)).forEach(t -> tags.add(word(random)));
			document.put("tags", tags);
		}
		document.put("at", java.util.Date.from(Instant.parse("2026-01-01T00:00:00Z").plusSeconds(random.nextInt(50) * 3600L)));
		if (random.nextBoolean()) {
			document.put("sub", new Document("x", random.nextInt(4)));
		}
		if (random.nextInt(3) == 0) {
			document.put("s", word(random));
		}
		if (random.nextInt(3) == 0) {
			document.put("u", "unique-" + i);
		}
		return document;
	}

	private static Object randomScalar(Random random) {
		return switch (random.nextInt(5)) {
			case 0 -> null;
			case 1 -> random.nextInt(5);
			case 2 -> (double) random.nextInt(5);
			case 3 -> word(random);
			default -> random.nextBoolean();
		};
	}

	private static String word(Random random) {
		return WORDS[random.nextInt(WORDS.length)];
	}

	private static Bson randomFilter(Random random) {
		List<Bson> parts = new ArrayList<>();
		int count = 1 + random.nextInt(3);
		for (int i = 0; i < count; i++) {
			parts.add(switch (random.nextInt(14)) {
				case 0 -> Filters.eq("a", randomScalar(random));
				case 1 -> Filters.in("a", random.nextInt(5), word(random), random.nextInt(5) + 0.0);
				case 2 -> Filters.eq("b", word(random));
				case 3 -> Filters.regex("b", "^" + java.util.regex.Pattern.quote(word(random)).replace("\\Q", "")
					.replace("\\E", "").replace(".", "\\.").replace("'", "\\'"));
				case 4 -> Filters.and(Filters.gte("n", random.nextInt(20)), Filters.lt("n", random.nextInt(20) + 3));
				case 5 -> Filters.eq("tags", word(random));
				case 6 -> Filters.regex("tags", "^" + word(random).replace(".", "\\.").replace("'", "\\'"));
				case 7 -> Filters.gt("at", java.util.Date.from(Instant.parse("2026-01-01T00:00:00Z")
					.plusSeconds(random.nextInt(50) * 3600L)));
				case 8 -> Filters.eq("sub.x", random.nextInt(4));
				case 9 -> Filters.and(Filters.eq("sub.x", random.nextInt(4)), Filters.eq("a", random.nextInt(5)));
				case 10 -> Filters.eq("s", word(random));
				case 11 -> Filters.ne("a", random.nextInt(5));
				case 12 -> Filters.or(Filters.eq("b", word(random)), Filters.eq("a", random.nextInt(5)));
				default -> Filters.in("_id", "d" + random.nextInt(50), "d" + random.nextInt(50));
			});
		}
		return parts.size() == 1 ? parts.get(0) : Filters.and(parts);
	}

	private static List<String> randomSort(Random random) {
		return switch (random.nextInt(7)) {
			case 0 -> List.of();
			case 1 -> List.of("-n");
			case 2 -> List.of("b", "-n");
			case 3 -> List.of("-b", "n");
			case 4 -> List.of("-at");
			case 5 -> List.of("a", "_id");
			default -> List.of("b", "_id");
		};
	}

	private static Set<Object> ids(List<Document> documents) {
		Set<Object> ids = new HashSet<>();
		documents.forEach(document -> ids.add(document.get("_id")));
		return ids;
	}

	private static List<List<Object>> sortValues(List<Document> documents, List<String> fields) {
		return documents.stream()
			.map(document -> fields.stream()
				.<Object>map(field -> String.valueOf(document.get(field.replace("-", ""))))
				.toList())
			.toList();
	}

}
