package com.rapport.ordertracking.figures.grpc;

import java.util.LinkedHashSet;
import java.util.List;

import com.rapport.contracts.ordertracking.v1.DeliveryCounts;
import com.rapport.contracts.ordertracking.v1.DeliveryFigures;
import com.rapport.contracts.ordertracking.v1.DeliveryFiguresServiceGrpc;
import com.rapport.contracts.ordertracking.v1.GetDeliveryFiguresRequest;
import com.rapport.ordertracking.figures.DeliveryMonths;
import com.rapport.support.security.Caller;
import io.grpc.stub.StreamObserver;

import org.springframework.grpc.server.service.GrpcService;

/** On-time delivery month by month for the console's dashboard and QBR (and a contact's own organisation's). */
@GrpcService
class DeliveryFiguresGrpcService extends DeliveryFiguresServiceGrpc.DeliveryFiguresServiceImplBase {

	private final com.rapport.ordertracking.figures.DeliveryFigures figures;

	DeliveryFiguresGrpcService(com.rapport.ordertracking.figures.DeliveryFigures figures) {
		this.figures = figures;
	}

	@Override
	public void getDeliveryFigures(GetDeliveryFiguresRequest request, StreamObserver<DeliveryFigures> response) {
		List<DeliveryMonths.Group> groups = request.getGroupsList().stream()
			.map(group -> new DeliveryMonths.Group(group.getLabel(), new LinkedHashSet<>(group.getCustomerIdsList())))
			.toList();
		DeliveryMonths.Figures counted = figures.of(Caller.current(), request.getFromMonth(), request.getToMonth(),
				request.getCustomerIdsList(), groups);
		DeliveryFigures.Builder answer = DeliveryFigures.newBuilder().setTotal(toProto(counted.total()));
		counted.months().forEach(month -> answer.addMonths(toProto(month)));
		counted.groups().forEach(group -> answer.addGroups(toProto(group)));
		response.onNext(answer.build());
		response.onCompleted();
	}

	private static DeliveryCounts toProto(DeliveryMonths.Counts counts) {
		DeliveryCounts.Builder proto = DeliveryCounts.newBuilder().setLabel(counts.label())
			.setDelivered(counts.delivered()).setWithPromisedDate(counts.withPromisedDate()).setOnTime(counts.onTime());
		counts.onTimeShareBp().ifPresent(proto::setOnTimeShareBp);
		return proto.build();
	}
}
