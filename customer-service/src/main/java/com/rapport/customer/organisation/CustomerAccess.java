package com.rapport.customer.organisation;

import com.rapport.support.security.Caller;

import org.springframework.security.access.AccessDeniedException;

/**
 * Who may read and change customers, in one place for every feature and adapter. A customer contact reaches
 * only its own organisation; staff and partners with {@value #READ_SCOPE} read every organisation; staff and
 * partners with {@value #WRITE_SCOPE} change them; only staff see and link portal logins.
 */
public final class CustomerAccess {

	public static final String READ_SCOPE = "customers.read";

	public static final String WRITE_SCOPE = "customers.write";

	private CustomerAccess() {
	}

	/** Staff, services and partners with the read scope; a customer's token never, whatever scopes it carries. */
	public static boolean mayReadAll(Caller caller) {
		return caller.seesAllCustomers() || (!caller.hasRole(Caller.CUSTOMER) && caller.hasScope(READ_SCOPE));
	}

	public static boolean mayWrite(Caller caller) {
		return isStaff(caller) || (!caller.hasRole(Caller.CUSTOMER) && caller.hasScope(WRITE_SCOPE));
	}

	/** Staff link contacts to portal logins and see those links; partners and customers do not. */
	public static boolean isStaff(Caller caller) {
		return caller.hasRole(Caller.AGENT) || caller.hasRole(Caller.MANAGER) || caller.hasRole(Caller.ADMIN);
	}

	/** The other services (role internal), never a person or a partner. */
	public static boolean isInternal(Caller caller) {
		return caller.hasRole(Caller.INTERNAL);
	}

	public static void requireWrite(Caller caller) {
		if (!mayWrite(caller)) {
			throw new AccessDeniedException("Changing organisations needs a staff role or " + WRITE_SCOPE);
		}
	}

	/** Editing over gRPC is the console's, so the staff's; partners edit over REST. */
	public static Caller requireStaff(Caller caller) {
		if (!isStaff(caller)) {
			throw new AccessDeniedException("Only staff edit organisations and contacts here");
		}
		return caller;
	}
}
