package com.rapport.support.test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.bson.Document;

import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Explains the queries code really sends: imported into a {@code @DataMongoTest}, it records every read command
 * (find, count, aggregate, distinct) that reaches the store, and {@link #explain} asks the store to explain each
 * one as sent, Spring Data's count behind a page included. A {@link Plan} is read the same way from MongoDB
 * (Testcontainers) and from the embedded store, which explains in MongoDB's shape: every {@code stage} and
 * {@code indexName} in the winning plan, at any depth (an aggregate's is nested under {@code stages[0].$cursor}).
 */
@TestConfiguration(proxyBeanMethods = false)
public class QueryPlans {

	private static final Set<String> READS = Set.of("find", "count", "aggregate", "distinct");

	/** Fields the driver adds to a command that an {@code explain} must not carry. */
	private static final Set<String> SESSION_FIELDS = Set.of("$db", "lsid", "$clusterTime", "txnNumber",
			"$readPreference", "readConcern", "apiVersion", "apiStrict", "apiDeprecationErrors");

	/** Stages that read an index: {@code COUNT_SCAN} and {@code DISTINCT_SCAN} are MongoDB's index-only forms. */
	private static final Set<String> INDEX_SCANS = Set.of("IXSCAN", "EXPRESS_IXSCAN", "COUNT_SCAN", "DISTINCT_SCAN");

	private final List<BsonDocument> sent = new CopyOnWriteArrayList<>();

	@Bean
	MongoClientSettingsBuilderCustomizer recordReadCommands() {
		return settings -> settings.addCommandListener(new CommandListener() {

			@Override
			public void commandStarted(CommandStartedEvent event) {
				if (READS.contains(event.getCommandName())) {
					// The event's document is only valid during the call.
					sent.add(event.getCommand().clone());
				}
			}
		});
	}

	/**
	 * Runs {@code work} and answers the plan of each read it sent to {@code collection}, in the order sent.
	 * Fails when it sent none, so that a test cannot pass by explaining nothing.
	 */
	public List<Plan> explain(MongoTemplate mongo, String collection, Runnable work) {
		sent.clear();
		work.run();
		List<Plan> plans = new ArrayList<>();
		for (BsonDocument command : List.copyOf(sent)) {
			String name = command.getFirstKey();
			if (!collection.equals(command.get(name).isString() ? command.getString(name).getValue() : null)) {
				continue;
			}
			BsonDocument query = new BsonDocument();
			command.forEach((key, value) -> {
				if (!SESSION_FIELDS.contains(key)) {
					query.append(key, value);
				}
			});
			Document explained = mongo.getDb().runCommand(
					new BsonDocument("explain", query).append("verbosity", new BsonString("queryPlanner")),
					Document.class);
			plans.add(Plan.of(query.toJson(), explained));
		}
		assertThat(plans).as("reads sent to %s", collection).isNotEmpty();
		return plans;
	}

	/**
	 * What the store would do for one command: the stages, index names and the first key of each index scanned
	 * in its winning plan.
	 */
	public record Plan(String command, List<String> stages, List<String> indexNames, List<String> leadingKeys,
			String explain) {

		/** Reads an explain document; rejected plans and the echoed command are left out. */
		public static Plan of(String command, Document explain) {
			List<String> stages = new ArrayList<>();
			List<String> indexNames = new ArrayList<>();
			List<String> leadingKeys = new ArrayList<>();
			collect(explain, stages, indexNames, leadingKeys);
			return new Plan(command, List.copyOf(stages), List.copyOf(indexNames), List.copyOf(leadingKeys),
					explain.toJson());
		}

		private static void collect(Object node, List<String> stages, List<String> indexNames,
				List<String> leadingKeys) {
			if (node instanceof Document document) {
				document.forEach((key, value) -> {
					if (key.equals("rejectedPlans") || key.equals("command") || key.equals("originalCommand")) {
						return;
					}
					if (key.equals("stage") && value instanceof String stage) {
						stages.add(stage);
					}
					else if (key.equals("indexName") && value instanceof String indexName) {
						indexNames.add(indexName);
					}
					else if (key.equals("keyPattern") && value instanceof Document pattern && !pattern.isEmpty()) {
						leadingKeys.add(pattern.keySet().iterator().next());
					}
					else {
						collect(value, stages, indexNames, leadingKeys);
					}
				});
			}
			else if (node instanceof List<?> list) {
				list.forEach(element -> collect(element, stages, indexNames, leadingKeys));
			}
		}

		/** Asserts that the store scans the index {@code indexName}, no other, and never the whole collection. */
		public Plan assertScansOnly(String indexName) {
			assertThat(stages).as("stages for %s%nexplain: %s", command, explain).doesNotContain("COLLSCAN")
				.containsAnyElementsOf(INDEX_SCANS);
			assertThat(indexNames).as("indexes for %s%nexplain: %s", command, explain).isNotEmpty()
				.containsOnly(indexName);
			return this;
		}

		/** Whether this is the plan of a command of that name ({@code find}, {@code aggregate}, ...). */
		public boolean is(String commandName) {
			return command.startsWith("{\"" + commandName + "\"");
		}

		/**
		 * Asserts that the store scans only indexes led by {@code field} and never the whole collection: for a
		 * count, which any index of that prefix answers alike, so the store may take either.
		 */
		public Plan assertScansIndexLedBy(String field) {
			assertThat(stages).as("stages for %s%nexplain: %s", command, explain).doesNotContain("COLLSCAN")
				.containsAnyElementsOf(INDEX_SCANS);
			assertThat(leadingKeys).as("leading keys for %s%nexplain: %s", command, explain).isNotEmpty()
				.containsOnly(field);
			return this;
		}

		/**
		 * Asserts that a count is read from the index alone: an index scan and no document fetched (MongoDB's
		 * covered count; the embedded store's count of one range of an index).
		 */
		public Plan assertCountsFromIndexAlone() {
			assertThat(stages).as("stages for %s%nexplain: %s", command, explain).doesNotContain("COLLSCAN", "FETCH")
				.containsAnyElementsOf(INDEX_SCANS);
			return this;
		}

		/** Asserts that the store reads the order from the index: no blocking sort in memory. */
		public Plan assertSortsByIndex() {
			assertThat(stages).as("stages for %s%nexplain: %s", command, explain).doesNotContain("SORT");
			return this;
		}
	}
}
