package com.rapport.ordertracking.order;

import java.util.function.Supplier;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.result.UpdateResult;
import org.bson.Document;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.convert.QueryMapper;
import org.springframework.data.mongodb.core.convert.UpdateMapper;
import org.springframework.data.mongodb.core.mapping.MongoPersistentEntity;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Updates of order documents that do not wait for the store's sync ({@code j: false}), mapped as
 * {@link MongoTemplate} maps them. Only for a write that either a synced write right after it on the same thread
 * commits (the embedded store commits every write applied before a synced one, in one commit; MongoDB's journal is in
 * order, and its {@code w: majority} is journaled anyway), or whose loss a crash would only make happen again
 * harmlessly (an event taken off an order that its receiver keeps once by id). One sync less each.
 * <p>
 * Unlike {@link MongoTemplate#updateFirst}, the order's {@code version} is not increased: an event taken off its
 * list changes nothing a concurrent {@link OrderWrites} read, so it need not make that write fail and retry.
 */
@Component
public class UnsyncedOrderUpdates {

	private final MongoTemplate mongo;

	private final QueryMapper queries;

	private final UpdateMapper updates;

	private final MongoPersistentEntity<?> order;

	UnsyncedOrderUpdates(MongoTemplate mongo) {
		this.mongo = mongo;
		this.queries = new QueryMapper(mongo.getConverter());
		this.updates = new UpdateMapper(mongo.getConverter());
		this.order = mongo.getConverter().getMappingContext().getRequiredPersistentEntity(Order.class);
	}

	/** The first order the query matches, updated; not waiting for the sync. */
	public UpdateResult updateFirst(Query query, Update update) {
		Document filter = queries.getMappedObject(query.getQueryObject(), order);
		Document change = updates.getMappedObject(update.getUpdateObject(), order);
		return translated(() -> orders().updateOne(filter, change));
	}

	/** Every order the query matches, updated; not waiting for the sync. */
	public UpdateResult updateMulti(Query query, Update update) {
		Document filter = queries.getMappedObject(query.getQueryObject(), order);
		Document change = updates.getMappedObject(update.getUpdateObject(), order);
		return translated(() -> orders().updateMany(filter, change));
	}

	private MongoCollection<Document> orders() {
		MongoCollection<Document> orders = mongo.getCollection(mongo.getCollectionName(Order.class));
		return orders.withWriteConcern(orders.getWriteConcern().withJournal(false));
	}

	private <T> T translated(Supplier<T> write) {
		try {
			return write.get();
		}
		catch (RuntimeException ex) {
			RuntimeException translated = mongo.getExceptionTranslator().translateExceptionIfPossible(ex);
			throw translated != null ? translated : ex;
		}
	}
}
