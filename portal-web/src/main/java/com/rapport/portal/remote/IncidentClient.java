package com.rapport.portal.remote;

import com.rapport.contracts.ordertracking.v1.IncidentNotice;
import com.rapport.contracts.ordertracking.v1.IncidentPreview;
import com.rapport.contracts.ordertracking.v1.IncidentSelection;
import com.rapport.contracts.ordertracking.v1.IncidentServiceGrpc.IncidentServiceBlockingStub;
import com.rapport.contracts.ordertracking.v1.ListIncidentNoticesRequest;
import com.rapport.contracts.ordertracking.v1.ListIncidentNoticesResponse;
import com.rapport.contracts.ordertracking.v1.PreviewIncidentRequest;
import com.rapport.contracts.ordertracking.v1.SendIncidentNoticeRequest;
import com.rapport.support.grpc.CallTokens;
import com.rapport.support.grpc.RemoteCalls;

import org.springframework.stereotype.Component;

/** Incident notices in order-tracking-service (staff; it decides who may send, with the signed-in user's token). */
@Component
public class IncidentClient {

	private final IncidentServiceBlockingStub stub;

	private final RemoteCalls remoteCalls;

	private final CallTokens tokens;

	IncidentClient(IncidentServiceBlockingStub stub, RemoteCalls remoteCalls, CallTokens tokens) {
		this.stub = stub;
		this.remoteCalls = remoteCalls;
		this.tokens = tokens;
	}

	public IncidentPreview preview(IncidentSelection selection) {
		return remoteCalls.read(OrderClient.REMOTE, () -> caller()
			.previewIncident(PreviewIncidentRequest.newBuilder().setSelection(selection).build()));
	}

	/** Sends the notice; the same {@code noticeId} again answers the stored one and tells nobody twice. */
	public IncidentNotice send(String noticeId, IncidentSelection selection, String cause, String correctiveAction) {
		return remoteCalls.write(OrderClient.REMOTE, () -> caller().sendIncidentNotice(SendIncidentNoticeRequest
			.newBuilder().setNoticeId(noticeId).setSelection(selection).setCause(cause)
			.setCorrectiveAction(correctiveAction).build()));
	}

	public ListIncidentNoticesResponse notices(String pageToken, int pageSize) {
		return remoteCalls.read(OrderClient.REMOTE, () -> caller().listIncidentNotices(
				ListIncidentNoticesRequest.newBuilder().setPageToken(pageToken).setPageSize(pageSize).build()));
	}

	private IncidentServiceBlockingStub caller() {
		return stub.withCallCredentials(tokens.forCurrentCaller());
	}
}
