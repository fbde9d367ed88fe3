package com.rapport.support.test.matrix;

/**
 * The matrix of a service with no REST routes of its own (only the actuator's), probed over gRPC: the
 * endpoints every service has (the audit trail's and personal data's, asked about organisation A's
 * {@code contact-of-a}) and the service's own methods ({@link #ownGrpcRequest}). Its first own REST route fails
 * the build until that route has its row and a path for its variables.
 */
public abstract class GrpcOnlyMatrixContract extends AuthorizationMatrixContract {

	@Override
	protected String pathVariable(String name) {
		throw new IllegalArgumentException("No routes take {" + name + "} yet");
	}

	@Override
	protected String restBody(String endpoint) {
		return null;
	}

	@Override
	protected final String grpcRequest(String fullMethodName) {
		if (fullMethodName.startsWith("rapport.privacy.v1.")) {
			return "{\"subject\": {\"organisationId\": \"" + Caller.ORGANISATION_A + "\", \"contactId\": \"contact-of-a\"}}";
		}
		return ownGrpcRequest(fullMethodName);
	}

	/** The JSON request of one of the service's own methods (or the audit trail's): {@code {}} unless overridden. */
	protected String ownGrpcRequest(String fullMethodName) {
		return "{}";
	}
}
