package com.rapport.support.privacy;

import java.util.List;

/**
 * A feature of a service that stores personal data: it can list and erase what it holds about a subject.
 * Every such feature contributes one bean; the service's {@code PersonalData} gRPC endpoint asks them all,
 * so a new kind of record cannot be forgotten by the export as long as its feature registers a holder.
 */
public interface PersonalDataHolder {

	/** The key of these records in the export, such as {@code contacts} or {@code orders}. */
	String kind();

	/** The records held about the subject, as plain objects that serialise to JSON; empty if none. */
	List<?> export(DataSubject subject);

	/** Removes or anonymises those records. Erasing twice must answer {@link Erasure#NOTHING} the second time. */
	Erasure erase(DataSubject subject);
}
