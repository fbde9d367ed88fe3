package com.rapport.customer.organisation.grpc;

import static com.rapport.customer.organisation.grpc.OrganisationMessages.toProto;

import com.rapport.contracts.customer.v1.CreateOrganisationRequest;
import com.rapport.contracts.customer.v1.GetOrganisationRequest;
import com.rapport.contracts.customer.v1.GetOrganisationSummaryRequest;
import com.rapport.contracts.customer.v1.ListOrganisationsRequest;
import com.rapport.contracts.customer.v1.ListOrganisationsResponse;
import com.rapport.contracts.customer.v1.Organisation;
import com.rapport.contracts.customer.v1.OrganisationServiceGrpc;
import com.rapport.contracts.customer.v1.OrganisationSummary;
import com.rapport.contracts.customer.v1.UpdateOrganisationRequest;
import com.rapport.customer.organisation.CustomerAccess;
import com.rapport.customer.organisation.OrganisationService;
import com.rapport.support.grpc.PageTokens;
import com.rapport.support.security.Caller;
import io.grpc.stub.StreamObserver;

import org.springframework.data.domain.Page;
import org.springframework.grpc.server.service.GrpcService;
import org.springframework.security.access.AccessDeniedException;

/**
 * {@code rapport.customer.v1.OrganisationService}: organisations for the portal and the console (read,
 * searched, created and edited by staff) and their summary for the other services.
 */
@GrpcService
class OrganisationGrpcService extends OrganisationServiceGrpc.OrganisationServiceImplBase {

	private final OrganisationService organisations;

	OrganisationGrpcService(OrganisationService organisations) {
		this.organisations = organisations;
	}

	@Override
	public void getOrganisation(GetOrganisationRequest request, StreamObserver<Organisation> response) {
		Caller caller = Caller.current();
		response.onNext(toProto(organisations.get(caller, request.getOrganisationId()),
				CustomerAccess.isStaff(caller)));
		response.onCompleted();
	}

	/** The other services' narrow read; refused to everyone else before any look-up. */
	@Override
	public void getOrganisationSummary(GetOrganisationSummaryRequest request,
			StreamObserver<OrganisationSummary> response) {
		Caller caller = Caller.current();
		if (!CustomerAccess.isInternal(caller)) {
			throw new AccessDeniedException("Organisation summaries are for the other services");
		}
		response.onNext(OrganisationMessages.toSummary(organisations.get(caller, request.getOrganisationId())));
		response.onCompleted();
	}

	@Override
	public void listOrganisations(ListOrganisationsRequest request, StreamObserver<ListOrganisationsResponse> response) {
		Caller caller = Caller.current();
		int page = PageTokens.page(request.getPageToken());
		Page<com.rapport.customer.organisation.Organisation> result = organisations.search(caller,
				request.getQuery(), page, request.getPageSize());
		ListOrganisationsResponse.Builder answer = ListOrganisationsResponse.newBuilder()
			.setTotalSize(result.getTotalElements());
		boolean staff = CustomerAccess.isStaff(caller);
		result.forEach(o -> answer.addOrganisations(toProto(o, staff)));
		if (result.hasNext()) {
			answer.setNextPageToken(PageTokens.of(page + 1));
		}
		response.onNext(answer.build());
		response.onCompleted();
	}

	@Override
	public void createOrganisation(CreateOrganisationRequest request, StreamObserver<Organisation> response) {
		Caller caller = CustomerAccess.requireStaff(Caller.current());
		response.onNext(toProto(organisations.create(caller, OrganisationMessages.toNewInput(
				request.getOrganisationId().isBlank() ? null : request.getOrganisationId().strip(),
				request.getFields())), true));
		response.onCompleted();
	}

	@Override
	public void updateOrganisation(UpdateOrganisationRequest request, StreamObserver<Organisation> response) {
		Caller caller = CustomerAccess.requireStaff(Caller.current());
		response.onNext(toProto(organisations.update(caller, request.getOrganisationId(),
				OrganisationMessages.toInput(null, request.getFields(),
						request.hasVersion() ? request.getVersion() : null)), true));
		response.onCompleted();
	}
}
