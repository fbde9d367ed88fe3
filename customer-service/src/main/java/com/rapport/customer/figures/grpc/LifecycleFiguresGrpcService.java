package com.rapport.customer.figures.grpc;

import java.util.LinkedHashSet;
import java.util.List;

import com.rapport.contracts.customer.v1.GetLifecycleFiguresRequest;
import com.rapport.contracts.customer.v1.GetSegmentChoicesRequest;
import com.rapport.contracts.customer.v1.LifecycleCounts;
import com.rapport.contracts.customer.v1.LifecycleFiguresServiceGrpc;
import com.rapport.contracts.customer.v1.LifecycleSegment;
import com.rapport.contracts.customer.v1.SegmentChoices;
import com.rapport.customer.figures.LifecycleFigures;
import com.rapport.customer.figures.PeriodChanges;
import com.rapport.customer.figures.Segment;
import com.rapport.customer.figures.StageCounts;
import com.rapport.support.security.Caller;
import io.grpc.stub.StreamObserver;

import org.springframework.grpc.server.service.GrpcService;

/**
 * The lifecycle stages counted for the console's dashboard and QBR (managers and admins): of named organisations, or
 * by segment with a period's changes; and the dashboard's segment choices.
 */
@GrpcService
class LifecycleFiguresGrpcService extends LifecycleFiguresServiceGrpc.LifecycleFiguresServiceImplBase {

	private final LifecycleFigures figures;

	LifecycleFiguresGrpcService(LifecycleFigures figures) {
		this.figures = figures;
	}

	@Override
	public void getLifecycleFigures(GetLifecycleFiguresRequest request,
			StreamObserver<com.rapport.contracts.customer.v1.LifecycleFigures> response) {
		if (request.getCustomerIdsCount() == 0 && request.getGroupsCount() == 0) {
			response.onNext(bySegment(request));
			response.onCompleted();
			return;
		}
		List<LifecycleFigures.Group> groups = request.getGroupsList().stream()
			.map(group -> new LifecycleFigures.Group(group.getLabel(), new LinkedHashSet<>(group.getCustomerIdsList())))
			.toList();
		LifecycleFigures.Figures counted = figures.of(Caller.current(), request.getCustomerIdsList(), groups);
		var answer = com.rapport.contracts.customer.v1.LifecycleFigures.newBuilder().setTotal(toProto(counted.total()));
		counted.groups().forEach(group -> answer.addGroups(toProto(group)));
		response.onNext(answer.build());
		response.onCompleted();
	}

	@Override
	public void getSegmentChoices(GetSegmentChoicesRequest request, StreamObserver<SegmentChoices> response) {
		LifecycleFigures.Choices choices = figures.choices(Caller.current());
		response.onNext(SegmentChoices.newBuilder().addAllIndustries(choices.industries())
			.addAllRegions(choices.regions()).build());
		response.onCompleted();
	}

	private com.rapport.contracts.customer.v1.LifecycleFigures bySegment(GetLifecycleFiguresRequest request) {
		LifecycleSegment segment = request.getSegment();
		LifecycleFigures.SegmentFigures counted = figures.bySegment(Caller.current(), request.getFromMonth(),
				request.getToMonth(), new Segment(segment.getTier().replace("TIER_", ""), segment.getIndustry(),
						segment.getRegion()), request.getBreakdown().strip());
		var answer = com.rapport.contracts.customer.v1.LifecycleFigures.newBuilder().setTotal(toProto(counted.total()));
		counted.groups().forEach(group -> answer.addGroups(toProto(group)));
		counted.months().forEach(month -> answer.addMonths(withPeriod(LifecycleCounts.newBuilder()
			.setLabel(month.label()), month)));
		return answer.build();
	}

	private static LifecycleCounts toProto(LifecycleFigures.Row row) {
		LifecycleCounts now = toProto(row.now());
		return row.period() == null ? now : withPeriod(now.toBuilder(), row.period());
	}

	private static LifecycleCounts withPeriod(LifecycleCounts.Builder counts, PeriodChanges period) {
		counts.setBecameDormant(period.becameDormant()).setBecameChurned(period.becameChurned()).setWon(period.won())
			.setReturned(period.returned());
		period.retentionBp().ifPresent(counts::setPeriodRetentionBp);
		return counts.build();
	}

	private static LifecycleCounts toProto(StageCounts counts) {
		LifecycleCounts.Builder proto = LifecycleCounts.newBuilder().setLabel(counts.label())
			.setProspects(counts.prospects()).setActive(counts.active()).setDormant(counts.dormant())
			.setChurned(counts.churned());
		counts.retentionBp().ifPresent(proto::setRetentionBp);
		return proto.build();
	}
}
