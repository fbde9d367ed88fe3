package com.rapport.support.mongo.store;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.bson.Document;

/**
 * The entries a document makes in an index, as MongoDB makes them: each field's value normalised (numbers
 * compare as numbers, a missing field as null), one entry per element of an array (multikey), an empty array
 * indexed as null so that the document is still found by the other fields.
 */
final class IndexEntries {

	private final List<Object[]> values;

	private final boolean multikey;

	private IndexEntries(List<Object[]> values, boolean multikey) {
		this.values = values;
		this.multikey = multikey;
	}

	static IndexEntries of(Document document, List<IndexKey> keys, boolean sparse) {
		List<List<Object>> perField = new ArrayList<>(keys.size());
		boolean anyValue = false;
		boolean multikey = false;
		for (IndexKey key : keys) {
			Object value = Utils.getSubdocumentValueCollectionAware(document, key.getKey());
			List<Object> options = new ArrayList<>();
			if (value instanceof Collection<?> elements) {
				multikey = true;
				for (Object element : elements) {
					anyValue |= !Missing.isNullOrMissing(element);
					options.add(normalise(element));
				}
				if (options.isEmpty()) {
					options.add(null);
				}
			}
			else {
				anyValue |= !Missing.isNullOrMissing(value);
				options.add(normalise(value));
			}
			perField.add(options);
		}
		if (sparse && !anyValue) {
			return new IndexEntries(List.of(), multikey);
		}
		List<Object[]> product = new ArrayList<>();
		product.add(new Object[0]);
		for (List<Object> options : perField) {
			List<Object[]> next = new ArrayList<>(product.size() * options.size());
			for (Object[] prefix : product) {
				for (Object option : options) {
					Object[] extended = Arrays.copyOf(prefix, prefix.length + 1);
					extended[prefix.length] = option;
					next.add(extended);
				}
			}
			product = next;
		}
		if (product.size() > 1) {
			Set<List<Object>> distinct = new LinkedHashSet<>();
			product.forEach(entry -> distinct.add(Arrays.asList(entry)));
			product = distinct.stream().map(List::toArray).toList();
		}
		return new IndexEntries(product, multikey);
	}

	static Object normalise(Object value) {
		return new KeyValue(value).normalized().get(0);
	}

	List<Object[]> values() {
		return values;
	}

	boolean multikey() {
		return multikey;
	}

	boolean sameAs(IndexEntries other) {
		if (values.size() != other.values.size()) {
			return false;
		}
		for (int i = 0; i < values.size(); i++) {
			if (!Arrays.equals(values.get(i), other.values.get(i))) {
				return false;
			}
		}
		return true;
	}
}
