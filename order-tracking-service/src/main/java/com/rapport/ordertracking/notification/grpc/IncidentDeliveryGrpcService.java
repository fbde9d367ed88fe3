package com.rapport.ordertracking.notification.grpc;

import com.rapport.contracts.ordertracking.v1.IncidentDeliveryServiceGrpc;
import com.rapport.contracts.ordertracking.v1.ListIncidentDeliveriesRequest;
import com.rapport.contracts.ordertracking.v1.ListIncidentDeliveriesResponse;
import com.rapport.ordertracking.notification.IncidentDeliveries;
import com.rapport.ordertracking.notification.LoggedMessage;
import com.rapport.support.security.Caller;
import io.grpc.stub.StreamObserver;

import org.springframework.grpc.server.service.GrpcService;

/** The console's page of an incident notice's deliveries (staff only, see IncidentDeliveries). */
@GrpcService
class IncidentDeliveryGrpcService extends IncidentDeliveryServiceGrpc.IncidentDeliveryServiceImplBase {

	private final IncidentDeliveries deliveries;

	IncidentDeliveryGrpcService(IncidentDeliveries deliveries) {
		this.deliveries = deliveries;
	}

	@Override
	public void listIncidentDeliveries(ListIncidentDeliveriesRequest request,
			StreamObserver<ListIncidentDeliveriesResponse> response) {
		IncidentDeliveries.Page page = deliveries.of(Caller.current(), request.getNoticeId(), request.getPageSize(),
				request.getPageToken());
		ListIncidentDeliveriesResponse.Builder answer = ListIncidentDeliveriesResponse.newBuilder()
			.setNextPageToken(page.nextPageToken());
		page.states().forEach((state, count) -> answer.putStates(state.name(), count));
		for (IncidentDeliveries.Organisation organisation : page.organisations()) {
			var entry = answer.addOrganisationsBuilder().setCustomerId(organisation.customerId())
				.setOrderCount(organisation.orderCount()).setWaiting(organisation.waiting())
				.addAllOrderNumbers(organisation.orderNumbers());
			organisation.notifications().forEach(n -> entry.addNotifications(OrderNotificationGrpcService.toProto(LoggedMessage.of(n))));
		}
		response.onNext(answer.build());
		response.onCompleted();
	}
}
