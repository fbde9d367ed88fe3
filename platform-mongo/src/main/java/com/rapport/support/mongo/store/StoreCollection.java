package com.rapport.support.mongo.store;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.AbstractSynchronizedMongoCollection;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.DocumentWithPosition;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.MVMap;

/**
 * A collection in the MVStore: documents by {@code _id} (the map layout mongo-java-server's H2 backend uses, so
 * existing data files open unchanged), answered through {@link QueryPlanner} for every read, count, update and
 * delete.
 */
final class StoreCollection extends AbstractSynchronizedMongoCollection<Object> {

	private static final String DATA_SIZE_KEY = "dataSize";

	private final MVMap<Object, StoredDocument> dataMap;

	private final MVMap<String, Object> metaMap;

	private volatile List<OrderedIndex> plannerIndexes = List.of();

	StoreCollection(MongoDatabase database, String collectionName, CollectionOptions options,
			MVMap<Object, StoredDocument> dataMap, MVMap<String, Object> metaMap, CursorRegistry cursorRegistry) {
		super(database, collectionName, options, cursorRegistry);
		this.dataMap = dataMap;
		this.metaMap = metaMap;
		this.metaMap.putIfAbsent(DATA_SIZE_KEY, 0L);
	}

	// --- storage, as the library's H2 collection keeps it ------------------------------------------------------

	@Override
	protected void updateDataSize(int sizeDelta) {
		synchronized (metaMap) {
			Number value = (Number) metaMap.get(DATA_SIZE_KEY);
			metaMap.put(DATA_SIZE_KEY, value.longValue() + sizeDelta);
		}
	}

	@Override
	protected int getDataSize() {
		return ((Number) metaMap.get(DATA_SIZE_KEY)).intValue();
	}

	@Override
	protected Object addDocumentInternal(Document document) {
		Object key = getIdField() != null ? Utils.getSubdocumentValue(document, getIdField()) : UUID.randomUUID();
		StoredDocument previous = dataMap.put(Missing.ofNullable(key), StoredDocument.of(document));
		if (previous != null) {
			throw new IllegalStateException("Document with key '" + key + "' already existed in " + this);
		}
		return key;
	}

	@Override
	public int count() {
		return dataMap.size();
	}

	@Override
	public boolean isEmpty() {
		return dataMap.isEmpty();
	}

	@Override
	protected Document getDocument(Object position) {
		return document(position);
	}

	@Override
	protected void removeDocument(Object position) {
		if (dataMap.remove(position) == null) {
			throw new NoSuchElementException("No document with key " + position);
		}
	}

	@Override
	protected Stream<DocumentWithPosition<Object>> streamAllDocumentsWithPosition() {
		return dataMap.entrySet()
			.stream()
			.map(entry -> new DocumentWithPosition<>(entry.getValue().document(), entry.getKey()));
	}

	@Override
	protected void handleUpdate(Object position, Document oldDocument, Document newDocument) {
		dataMap.put(Missing.ofNullable(position), StoredDocument.of(newDocument));
	}

	@Override
	public synchronized void addIndex(Index<Object> index) {
		super.addIndex(index);
		if (index instanceof OrderedIndex ordered) {
			ordered.markBuilt();
		}
		refreshPlannerIndexes();
	}

	@Override
	public synchronized void dropIndex(String indexName) {
		super.dropIndex(indexName);
		refreshPlannerIndexes();
	}

	/** A copy for the planner, which reads without the collection's lock while indexes come and go. */
	private void refreshPlannerIndexes() {
		List<OrderedIndex> ordered = new ArrayList<>();
		for (Index<Object> index : getIndexes()) {
			if (index instanceof OrderedIndex orderedIndex) {
				ordered.add(orderedIndex);
			}
		}
		plannerIndexes = List.copyOf(ordered);
	}

	// --- queries ------------------------------------------------------------------------------------------------

	QueryPlan plan(Document query, Document orderBy, int skip, int limit) {
		return QueryPlanner.plan(query, orderBy, skip, limit, plannerIndexes, dataMap.sizeAsLong());
	}

	@Override
	protected QueryResult queryDocuments(Document query, Document orderBy, int numberToSkip, int limit,
			int batchSize, Document fieldSelector) {
		QueryPlan plan = plan(query, orderBy, numberToSkip, limit);
		if (!plan.usesIndex()) {
			return matchDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
		}
		Comparator<Document> sort = plan.ordered() ? null : deriveComparator(orderBy);
		return matchDocumentsFromStream(query, documents(plan), numberToSkip, limit, batchSize, sort, fieldSelector);
	}

	/** The documents a plan gives (not yet matched against the filter), lazily. */
	Stream<Document> documents(QueryPlan plan) {
		return StreamSupport.stream(Spliterators.spliteratorUnknownSize(plan.positions(), Spliterator.ORDERED), false)
			.map(this::document)
			.filter(Objects::nonNull);
	}

	private Document document(Object position) {
		StoredDocument stored = dataMap.get(position);
		return stored == null ? null : stored.document();
	}

	private Stream<Document> allDocuments() {
		return dataMap.values().stream().map(StoredDocument::document);
	}

	/** The documents matching a filter, through the planner, unsorted. */
	Stream<Document> matching(Document query) {
		QueryPlan plan = plan(query, null, 0, 0);
		Stream<Document> candidates = plan.usesIndex() ? documents(plan) : allDocuments();
		return candidates.filter(document -> documentMatchesQuery(document, query));
	}

	@Override
	protected QueryResult matchDocuments(Document query, Document orderBy, int numberToSkip, int limit,
			int batchSize, Document fieldSelector) {
		Stream<Document> documents;
		if (isNaturalDescending(orderBy)) {
			documents = streamAllDocumentsWithPosition()
				.sorted((a, b) -> ValueComparator.desc().compare(a.getPosition(), b.getPosition()))
				.map(DocumentWithPosition::getDocument);
		}
		else {
			documents = allDocuments();
		}
		return matchDocumentsFromStream(documents, query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
	}

	@Override
	public int count(Document query, int skip, int limit) {
		if (query == null || query.isEmpty()) {
			return super.count(query, skip, limit);
		}
		QueryPlan plan = plan(query, null, 0, 0);
		if (!plan.exact()) {
			return super.count(query, skip, limit);
		}
		long count = Math.max(0, plan.count() - Math.max(skip, 0));
		return (int) (limit > 0 ? Math.min(limit, count) : count);
	}
}
