package com.rapport.ordertracking.incident.grpc;

import com.rapport.contracts.ordertracking.v1.AffectedOrganisation;
import com.rapport.contracts.ordertracking.v1.IncidentNotice;
import com.rapport.contracts.ordertracking.v1.IncidentPreview;
import com.rapport.contracts.ordertracking.v1.IncidentSelection;
import com.rapport.contracts.ordertracking.v1.IncidentSelectionKind;
import com.rapport.contracts.ordertracking.v1.IncidentServiceGrpc;
import com.rapport.contracts.ordertracking.v1.ListIncidentNoticesRequest;
import com.rapport.contracts.ordertracking.v1.ListIncidentNoticesResponse;
import com.rapport.contracts.ordertracking.v1.PreviewIncidentRequest;
import com.rapport.contracts.ordertracking.v1.SendIncidentNoticeRequest;
import com.rapport.ordertracking.grpc.ProtoTimes;
import com.rapport.ordertracking.incident.IncidentNotices;
import com.rapport.support.grpc.PageTokens;
import com.rapport.support.security.Caller;
import io.grpc.stub.StreamObserver;

import org.springframework.data.domain.Slice;
import org.springframework.grpc.server.service.GrpcService;

/** The console's incident notices (who may do what: {@link IncidentNotices}); proto and domain meet here. */
@GrpcService
class IncidentGrpcService extends IncidentServiceGrpc.IncidentServiceImplBase {

	private final IncidentNotices notices;

	IncidentGrpcService(IncidentNotices notices) {
		this.notices = notices;
	}

	@Override
	public void previewIncident(PreviewIncidentRequest request, StreamObserver<IncidentPreview> response) {
		IncidentNotices.requireStaff(Caller.current());
		IncidentNotices.Preview preview = notices.preview(Caller.current(), selection(request.getSelection()));
		IncidentPreview.Builder answer = IncidentPreview.newBuilder().setOrderCount(preview.orderCount())
			.setOrganisationCount(preview.organisationCount()).addAllUnmatchedOrderNumbers(preview.unmatched())
			.setMaxOrders(preview.maxOrders());
		preview.organisations().forEach(o -> answer.addOrganisations(AffectedOrganisation.newBuilder()
			.setCustomerId(o.customerId()).setCustomerName(o.name()).setOrderCount(o.orderCount())
			.addAllOrderNumbers(o.orderNumbers())));
		response.onNext(answer.build());
		response.onCompleted();
	}

	@Override
	public void sendIncidentNotice(SendIncidentNoticeRequest request, StreamObserver<IncidentNotice> response) {
		Caller caller = Caller.current();
		IncidentNotices.requireSender(caller);
		var sent = notices.send(caller, request.getNoticeId(), selection(request.getSelection()), request.getCause(),
				request.getCorrectiveAction());
		response.onNext(toProto(sent));
		response.onCompleted();
	}

	@Override
	public void listIncidentNotices(ListIncidentNoticesRequest request,
			StreamObserver<ListIncidentNoticesResponse> response) {
		int page = PageTokens.page(request.getPageToken());
		Slice<com.rapport.ordertracking.incident.IncidentNotice> found = notices.list(Caller.current(), page,
				request.getPageSize());
		ListIncidentNoticesResponse.Builder answer = ListIncidentNoticesResponse.newBuilder();
		found.forEach(n -> answer.addNotices(toProto(n)));
		if (found.hasNext()) {
			answer.setNextPageToken(PageTokens.of(page + 1));
		}
		response.onNext(answer.build());
		response.onCompleted();
	}

	private static com.rapport.ordertracking.incident.IncidentSelection selection(IncidentSelection proto) {
		com.rapport.ordertracking.incident.IncidentSelection.Kind kind = switch (proto.getKind()) {
			case INCIDENT_SELECTION_KIND_SKU -> com.rapport.ordertracking.incident.IncidentSelection.Kind.SKU;
			case INCIDENT_SELECTION_KIND_PLACED -> com.rapport.ordertracking.incident.IncidentSelection.Kind.PLACED;
			case INCIDENT_SELECTION_KIND_ORDER_NUMBERS ->
				com.rapport.ordertracking.incident.IncidentSelection.Kind.ORDER_NUMBERS;
			default -> null;
		};
		return new com.rapport.ordertracking.incident.IncidentSelection(kind, proto.getSku(),
				proto.hasPlacedFrom() ? ProtoTimes.instant(proto.getPlacedFrom()) : null,
				proto.hasPlacedBefore() ? ProtoTimes.instant(proto.getPlacedBefore()) : null, proto.getOrderNumbersList());
	}

	static IncidentNotice toProto(com.rapport.ordertracking.incident.IncidentNotice notice) {
		var selection = notice.selection();
		IncidentSelection.Builder chosen = IncidentSelection.newBuilder()
			.setKind(IncidentSelectionKind.valueOf("INCIDENT_SELECTION_KIND_" + selection.kind().name()))
			.setSku(selection.sku()).addAllOrderNumbers(selection.orderNumbers());
		if (selection.placedFrom() != null) {
			chosen.setPlacedFrom(ProtoTimes.timestamp(selection.placedFrom()));
		}
		if (selection.placedBefore() != null) {
			chosen.setPlacedBefore(ProtoTimes.timestamp(selection.placedBefore()));
		}
		return IncidentNotice.newBuilder().setId(notice.id()).setSelection(chosen).setCause(notice.cause())
			.setCorrectiveAction(notice.correctiveAction()).setCreatedBy(notice.createdBy())
			.setCreatedAt(ProtoTimes.timestamp(notice.createdAt())).setOrderCount(notice.orderCount())
			.setOrganisationCount(notice.organisationCount()).build();
	}
}
