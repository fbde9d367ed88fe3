package com.rapport.support.test.matrix;

import java.util.List;

/**
 * The matrix of a service that has no endpoints of its own yet, only those every service has (the audit
 * trail's and personal data's), which need no records to probe. Its first own route or gRPC method fails the build until that
 * endpoint has its row and this becomes a real contract.
 */
public abstract class PlatformEndpointsOnlyContract extends AuthorizationMatrixContract {

	@Override
	protected void createRecordsOfOrganisationA() {
		// nothing to probe yet
	}

	@Override
	protected String pathVariable(String name) {
		throw new IllegalArgumentException("No routes take {" + name + "} yet");
	}

	@Override
	protected String restBody(String endpoint) {
		return null;
	}

	@Override
	protected String grpcRequest(String fullMethodName) {
		if (fullMethodName.startsWith("rapport.privacy.v1.")) {
			return "{\"subject\": {\"organisationId\": \"" + Caller.ORGANISATION_A + "\", \"contactId\": \"contact-of-a\"}}";
		}
		return "{}";
	}

	@Override
	protected List<String> secretsOfOrganisationA() {
		return List.of();
	}
}
