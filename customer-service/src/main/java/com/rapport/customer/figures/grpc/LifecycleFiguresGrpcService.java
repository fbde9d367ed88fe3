package com.rapport.customer.figures.grpc;

import java.util.LinkedHashSet;
import java.util.List;

import com.rapport.contracts.customer.v1.GetLifecycleFiguresRequest;
import com.rapport.contracts.customer.v1.LifecycleCounts;
import com.rapport.contracts.customer.v1.LifecycleFiguresServiceGrpc;
import com.rapport.customer.figures.LifecycleFigures;
import com.rapport.customer.figures.StageCounts;
import com.rapport.support.security.Caller;
import io.grpc.stub.StreamObserver;

import org.springframework.grpc.server.service.GrpcService;

/** The lifecycle stages counted for the console's dashboard and QBR (managers and admins). */
@GrpcService
class LifecycleFiguresGrpcService extends LifecycleFiguresServiceGrpc.LifecycleFiguresServiceImplBase {

	private final LifecycleFigures figures;

	LifecycleFiguresGrpcService(LifecycleFigures figures) {
		this.figures = figures;
	}

	@Override
	public void getLifecycleFigures(GetLifecycleFiguresRequest request,
			StreamObserver<com.rapport.contracts.customer.v1.LifecycleFigures> response) {
		List<LifecycleFigures.Group> groups = request.getGroupsList().stream()
			.map(group -> new LifecycleFigures.Group(group.getLabel(), new LinkedHashSet<>(group.getCustomerIdsList())))
			.toList();
		LifecycleFigures.Figures counted = figures.of(Caller.current(), request.getCustomerIdsList(), groups);
		var answer = com.rapport.contracts.customer.v1.LifecycleFigures.newBuilder().setTotal(toProto(counted.total()));
		counted.groups().forEach(group -> answer.addGroups(toProto(group)));
		response.onNext(answer.build());
		response.onCompleted();
	}

	private static LifecycleCounts toProto(StageCounts counts) {
		LifecycleCounts.Builder proto = LifecycleCounts.newBuilder().setLabel(counts.label())
			.setProspects(counts.prospects()).setActive(counts.active()).setDormant(counts.dormant())
			.setChurned(counts.churned());
		counts.retentionBp().ifPresent(proto::setRetentionBp);
		return proto.build();
	}
}
