package com.rapport.ticket.ticket;

import com.rapport.support.security.Caller;

import org.springframework.security.access.AccessDeniedException;

/** Who a caller is to tickets: staff (agent, manager, admin), a customer contact, a service. */
final class Callers {

	private Callers() {
	}

	static boolean isStaff(Caller caller) {
		return caller.hasRole(Caller.AGENT) || caller.hasRole(Caller.MANAGER) || caller.hasRole(Caller.ADMIN);
	}

	/** A service (role internal) that is not also staff. */
	static boolean isService(Caller caller) {
		return !isStaff(caller) && caller.hasRole(Caller.INTERNAL);
	}

	/** A contact of an organisation (with the organisation in the token). */
	static boolean isContact(Caller caller) {
		return caller.isCustomer() && caller.customerId().isPresent();
	}

	/** Refuses anyone but staff: permission before content, so before any look-up. */
	static void requireStaff(Caller caller, String what) {
		if (!isStaff(caller)) {
			throw new AccessDeniedException(what + " is for staff");
		}
	}
}
