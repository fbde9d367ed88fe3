package com.rapport.support.audit;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Details that say what changed without copying a value: the names of the changed fields, read off two
 * versions of a record (a Java record, such as a profile or a contact).
 */
public final class AuditDetails {

	/** The detail naming the changed fields, comma-separated and sorted: {@code email,phone}. */
	public static final String FIELDS = "fields";

	private AuditDetails() {
	}

	/**
	 * The names of the components whose values differ, sorted; for a new record ({@code before} null) those
	 * that hold something (not null, not empty, not false). {@code ignored} components never count (ids, versions).
	 */
	public static <R extends Record> List<String> changedFields(R before, R after, String... ignored) {
		Set<String> skip = Set.of(ignored);
		Set<String> changed = new TreeSet<>();
		for (RecordComponent component : after.getClass().getRecordComponents()) {
			if (skip.contains(component.getName())) {
				continue;
			}
			Object now = value(component, after);
			boolean differs = before == null ? holdsSomething(now) : !Objects.equals(value(component, before), now);
			if (differs) {
				changed.add(component.getName());
			}
		}
		return List.copyOf(changed);
	}

	/** {@code {"fields": "a,b"}} for these field names. */
	public static Map<String, String> fields(Collection<String> names) {
		return Collections.singletonMap(FIELDS, String.join(",", names));
	}

	private static boolean holdsSomething(Object value) {
		return value != null && !Boolean.FALSE.equals(value) && !(value instanceof String s && s.isEmpty())
				&& !(value instanceof Collection<?> c && c.isEmpty());
	}

	private static Object value(RecordComponent component, Record record) {
		try {
			var accessor = component.getAccessor();
			accessor.trySetAccessible();
			return accessor.invoke(record);
		}
		catch (IllegalAccessException | InvocationTargetException ex) {
			throw new IllegalStateException("Cannot read " + component.getName() + " of " + record.getClass(), ex);
		}
	}
}
