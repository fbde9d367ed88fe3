package com.rapport.support.mongo.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.AbstractSynchronizedMongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.DatabaseResolver;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.backend.aggregation.Aggregation;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;
import io.netty.channel.Channel;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * One database in the MVStore, laid out as mongo-java-server's H2 backend lays it out (so that existing files
 * open), with ordered unique and secondary indexes, aggregation pipelines whose {@code $match} uses them,
 * {@code explain}, and the TTL indexes the sweeper reads.
 */
final class StoreDatabase extends AbstractSynchronizedMongoDatabase<Object> {

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(StoreDatabase.class);

	/** Documents as BSON ({@link DocumentType}), by {@code _id}. */
	static final String DOCUMENTS_PREFIX = "documents.";

	/** Documents as the library's H2 backend kept them (Java serialization): moved to {@link #DOCUMENTS_PREFIX}. */
	static final String DATABASES_PREFIX = "databases.";

	private static final String META_PREFIX = "meta.";

	private final MVStore store;

	private final IndexCatalog catalog;

	StoreDatabase(String databaseName, MVStore store, CursorRegistry cursorRegistry, IndexCatalog catalog) {
		super(databaseName, cursorRegistry);
		this.store = store;
		this.catalog = catalog;
		initializeNamespacesAndIndexes();
	}

	private String indexMapName(String collectionName, String indexName) {
		return getFullCollectionNamespace(collectionName) + "._ordered_" + indexName;
	}

	/** The map mongo-java-server's H2 backend kept a unique index in: replaced by an ordered one. */
	private String legacyIndexMapName(String collectionName, String indexName) {
		return getFullCollectionNamespace(collectionName) + "._index_" + indexName;
	}

	@Override
	protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
			boolean sparse) {
		String legacy = legacyIndexMapName(collectionName, indexName);
		if (store.hasMap(legacy)) {
			store.removeMap(legacy);
		}
		return new UniqueIndex(indexName, keys, sparse, indexMapName(collectionName, indexName), catalog);
	}

	@Override
	protected Index<Object> openOrCreateSecondaryIndex(String collectionName, String indexName, List<IndexKey> keys,
			boolean sparse) {
		return new SecondaryIndex(indexName, keys, sparse, indexMapName(collectionName, indexName), catalog,
				document -> Utils.getSubdocumentValue(document, "_id"));
	}

	@Override
	protected void dropIndex(MongoCollection<Object> collection, String indexName) {
		super.dropIndex(collection, indexName);
		String name = indexMapName(collection.getCollectionName(), indexName);
		catalog.forget(name);
		if (store.hasMap(name)) {
			store.removeMap(name);
		}
	}

	@Override
	protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
		String fullName = getFullCollectionNamespace(collectionName);
		MVMap<Object, StoredDocument> dataMap = documents(fullName);
		MVMap<String, Object> metaMap = store.openMap(META_PREFIX + fullName);
		return new StoreCollection(this, collectionName, options, dataMap, metaMap, cursorRegistry);
	}

	private MVMap<Object, StoredDocument> documents(String fullName) {
		boolean fresh = !store.hasMap(DOCUMENTS_PREFIX + fullName);
		MVMap<Object, StoredDocument> documents = store.openMap(DOCUMENTS_PREFIX + fullName,
				new MVMap.Builder<Object, StoredDocument>().keyType(PositionType.INSTANCE)
					.valueType(DocumentType.INSTANCE));
		String legacy = DATABASES_PREFIX + fullName;
		if (fresh && store.hasMap(legacy)) {
			MVMap<Object, Document> old = store.openMap(legacy);
			log.info("Moving {} documents of {} to the BSON layout", old.sizeAsLong(), fullName);
			old.forEach((position, document) -> documents.put(position, StoredDocument.of(document)));
			store.removeMap(old);
		}
		return documents;
	}

	@Override
	public void drop(Oplog oplog) {
		super.drop(oplog);
		for (String name : new ArrayList<>(store.getMapNames())) {
			if (name.startsWith(databaseName + ".") || name.startsWith(DATABASES_PREFIX + databaseName + ".")
					|| name.startsWith(DOCUMENTS_PREFIX + databaseName + ".")
					|| name.startsWith(META_PREFIX + databaseName + ".")) {
				catalog.forget(name);
				store.removeMap(name);
			}
		}
	}

	@Override
	public void dropCollection(String collectionName, Oplog oplog) {
		super.dropCollection(collectionName, oplog);
		String fullName = getFullCollectionNamespace(collectionName);
		for (String name : List.of(DOCUMENTS_PREFIX + fullName, DATABASES_PREFIX + fullName, META_PREFIX + fullName)) {
			if (store.hasMap(name)) {
				store.removeMap(name);
			}
		}
	}

	@Override
	public void moveCollection(MongoDatabase oldDatabase, MongoCollection<?> collection, String newCollectionName) {
		super.moveCollection(oldDatabase, collection, newCollectionName);
		String fullName = collection.getFullName();
		String newFullName = getFullCollectionNamespace(newCollectionName);
		store.renameMap(documents(fullName), DOCUMENTS_PREFIX + newFullName);
		store.renameMap(store.openMap(META_PREFIX + fullName), META_PREFIX + newFullName);
	}

	@Override
	protected long getStorageSize() {
		return store.getFileStore() != null ? store.getFileStore().size() : 0;
	}

	@Override
	protected long getFileSize() {
		return getStorageSize();
	}

	// --- commands the library answers by a scan, or not at all -------------------------------------------------

	@Override
	public Document handleCommand(Channel channel, String command, Document query, DatabaseResolver databaseResolver,
			Oplog oplog) {
		if (command.equalsIgnoreCase("explain")) {
			return explain(query);
		}
		if (command.equalsIgnoreCase("aggregate")) {
			Document answer = aggregate(query, databaseResolver, oplog);
			if (answer != null) {
				return answer;
			}
		}
		return super.handleCommand(channel, command, query, databaseResolver, oplog);
	}

	private StoreCollection storeCollection(Object name) {
		MongoCollection<Object> collection = name == null ? null : resolveCollection(name.toString(), false);
		return collection instanceof StoreCollection store ? store : null;
	}

	/**
	 * A pipeline that starts with {@code $match} (then maybe {@code $sort}, {@code $skip}, {@code $limit}) reads
	 * only what the planner finds; a count ({@code $group} of a constant with {@code $sum: 1}, as
	 * {@code countDocuments} sends) may not read documents at all. Null: let the library run it.
	 */
	private Document aggregate(Document query, DatabaseResolver databaseResolver, Oplog oplog) {
		StoreCollection collection = storeCollection(query.get("aggregate"));
		if (collection == null || !(query.get("pipeline") instanceof List<?> stages) || stages.isEmpty()
				|| !(stages.get(0) instanceof Document first) || !(first.get("$match") instanceof Document filter)) {
			return null;
		}
		List<Document> pipeline = new ArrayList<>();
		for (Object stage : stages) {
			if (!(stage instanceof Document document)) {
				return null;
			}
			if (document.containsKey("$out") || document.containsKey("$merge")) {
				return null;
			}
			pipeline.add(document);
		}
		Document sort = null;
		int skip = 0;
		int limit = 0;
		int next = 1;
		while (next < pipeline.size()) {
			Document stage = pipeline.get(next);
			if (stage.get("$sort") instanceof Document s && sort == null && skip == 0 && limit == 0) {
				sort = s;
			}
			else if (stage.get("$skip") instanceof Number n && limit == 0) {
				skip += n.intValue();
			}
			else if (stage.get("$limit") instanceof Number n && (limit == 0 || n.intValue() < limit)) {
				limit = n.intValue();
			}
			else {
				break;
			}
			next++;
		}
		List<Document> rest = pipeline.subList(next, pipeline.size());
		String namespace = getFullCollectionNamespace(collection.getCollectionName());
		if (sort == null && rest.size() == 1 && countOf(rest.get(0)) != null) {
			Document group = (Document) rest.get(0).get("$group");
			String field = countOf(rest.get(0));
			int count = collection.count(filter, skip, limit);
			List<Document> batch = count == 0 ? List.of()
					: List.of(new Document("_id", group.get("_id")).append(field, count));
			return cursorAnswer(namespace, batch);
		}
		Stream<Document> documents;
		if (sort == null && skip == 0 && limit == 0) {
			documents = collection.matching(filter);
		}
		else {
			List<Document> found = new ArrayList<>();
			collection.queryDocuments(filter, sort, skip, limit, 0, null).forEach(found::add);
			documents = found.stream();
		}
		Aggregation aggregation = Aggregation.fromPipeline(new ArrayList<>(rest), databaseResolver, this, collection,
				oplog);
		Object variables = query.get("let");
		if (variables instanceof Document let) {
			aggregation.setVariables(let);
		}
		return cursorAnswer(namespace, aggregation.runStages(documents));
	}

	/** The output field of a {@code $group} that counts the documents under one constant key, else null. */
	private static String countOf(Document stage) {
		if (!(stage.get("$group") instanceof Document group) || group.size() != 2) {
			return null;
		}
		Object id = group.get("_id");
		if (id instanceof Document || (id instanceof String text && text.startsWith("$"))) {
			return null;
		}
		for (String field : group.keySet()) {
			if (!field.equals("_id")) {
				return group.get(field) instanceof Document sum && sum.size() == 1
						&& sum.get("$sum") instanceof Number one && one.intValue() == 1 ? field : null;
			}
		}
		return null;
	}

	private static Document cursorAnswer(String namespace, List<Document> batch) {
		Document cursor = new Document("id", 0L).append("ns", namespace).append("firstBatch", batch);
		Document answer = new Document("cursor", cursor);
		Utils.markOkay(answer);
		return answer;
	}

	/** {@code explain} of find, count, distinct, delete, update and aggregate, in MongoDB's shape. */
	private Document explain(Document query) {
		if (!(query.get("explain") instanceof Document explained) || explained.isEmpty()) {
			throw new de.bwaldvogel.mongo.exception.MongoServerError(2, "BadValue", "explain needs a command");
		}
		String command = explained.keySet().iterator().next();
		StoreCollection collection = storeCollection(explained.get(command));
		Document filter = new Document();
		Document sort = null;
		int skip = 0;
		int limit = 0;
		boolean aggregate = false;
		boolean count = false;
		switch (command.toLowerCase(java.util.Locale.ROOT)) {
			case "find" -> {
				filter = documentOr(explained.get("filter"));
				sort = explained.get("sort") instanceof Document s ? s : null;
				skip = explained.get("skip") instanceof Number n ? n.intValue() : 0;
				limit = explained.get("limit") instanceof Number n ? Math.abs(n.intValue()) : 0;
			}
			case "count", "distinct" -> filter = documentOr(explained.get("query"));
			case "delete", "update" -> {
				String key = command.equalsIgnoreCase("delete") ? "deletes" : "updates";
				if (explained.get(key) instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof Document op) {
					filter = documentOr(op.get("q"));
				}
			}
			case "findandmodify" -> {
				filter = documentOr(explained.get("query"));
				sort = explained.get("sort") instanceof Document s ? s : null;
			}
			case "aggregate" -> {
				aggregate = true;
				if (explained.get("pipeline") instanceof List<?> stages && !stages.isEmpty()
						&& stages.get(0) instanceof Document first && first.get("$match") instanceof Document match) {
					filter = match;
					if (stages.size() > 1 && stages.get(1) instanceof Document second
							&& second.get("$sort") instanceof Document s) {
						sort = s;
					}
					// countDocuments: $match, then $group of a constant with $sum 1 (as the aggregate command counts).
					count = stages.size() == 2 && stages.get(1) instanceof Document group && countOf(group) != null;
				}
				else {
					filter = null;
				}
			}
			default -> throw new de.bwaldvogel.mongo.exception.MongoServerError(2, "BadValue",
					"explain of " + command + " is not supported by the embedded store");
		}
		Document winningPlan;
		if (collection == null) {
			winningPlan = new Document("stage", "EOF");
		}
		else if (filter == null) {
			winningPlan = new Document("stage", "COLLSCAN").append("direction", "forward");
		}
		else if (count) {
			winningPlan = collection.plan(filter, null, 0, 0).explainCount();
		}
		else {
			winningPlan = collection.plan(filter, sort, skip, limit).explain(sort != null && !sort.isEmpty());
		}
		Document planner = new Document("namespace", getFullCollectionNamespace(String.valueOf(explained.get(command))))
			.append("parsedQuery", filter == null ? new Document() : filter)
			.append("winningPlan", winningPlan)
			.append("rejectedPlans", List.of());
		Document answer = aggregate
				? new Document("stages", List.of(new Document("$cursor", new Document("queryPlanner", planner))))
				: new Document("queryPlanner", planner);
		answer.put("serverInfo", new Document("host", "embedded").append("version", "rapport-embedded"));
		Utils.markOkay(answer);
		return answer;
	}

	private static Document documentOr(Object value) {
		return value instanceof Document document ? document : new Document();
	}

	// --- TTL ---------------------------------------------------------------------------------------------------

	/** Removes the documents whose TTL index says they expired; the number removed. */
	int expire(Instant now) {
		MongoCollection<Object> indexCollection = indexes.get();
		if (indexCollection == null) {
			return 0;
		}
		List<Document> ttlIndexes = new ArrayList<>();
		for (Document description : indexCollection.queryAll()) {
			if (description.get("expireAfterSeconds") instanceof Number
					&& description.get("key") instanceof Document key && key.size() == 1) {
				ttlIndexes.add(description);
			}
		}
		int removed = 0;
		for (Document description : ttlIndexes) {
			String namespace = description.get("ns").toString();
			StoreCollection collection = storeCollection(namespace.substring(databaseName.length() + 1));
			if (collection == null) {
				continue;
			}
			String field = ((Document) description.get("key")).keySet().iterator().next();
			long seconds = ((Number) description.get("expireAfterSeconds")).longValue();
			Instant cutoff = now.minusSeconds(seconds);
			removed += collection.deleteDocuments(new Document(field, new Document("$lt", cutoff)), 0);
		}
		return removed;
	}
}
