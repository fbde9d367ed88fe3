package com.rapport.customer.identity;

/**
 * Where {@link LoginFailureFeed} hands each failed login, oldest first and each once (at least once if the
 * sink fails: the failing one comes again in the next run): {@link AuditLoginFailureSink}, onto the audit
 * trail.
 */
@FunctionalInterface
public interface LoginFailureSink {

	void accept(LoginFailure failure);
}
