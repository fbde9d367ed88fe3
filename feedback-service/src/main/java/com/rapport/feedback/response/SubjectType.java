package com.rapport.feedback.response;

/** What a survey asked about. */
public enum SubjectType {

	/** A ticket, named by its ticket number. */
	TICKET,
	/** An order, named by its order number. */
	ORDER,
	/** The relationship as a whole: no subject id. */
	RELATIONSHIP
}
