package com.rapport.portal.remote;

import java.util.List;
import java.util.Map;

import com.rapport.contracts.feedback.v1.CustomerGroup;
import com.rapport.contracts.feedback.v1.FeedbackFigures;
import com.rapport.contracts.feedback.v1.FeedbackFiguresServiceGrpc.FeedbackFiguresServiceBlockingStub;
import com.rapport.contracts.feedback.v1.GetFeedbackFiguresRequest;
import com.rapport.contracts.feedback.v1.GetSegmentFiguresRequest;
import com.rapport.contracts.feedback.v1.SegmentFilter;
import com.rapport.support.grpc.CallTokens;
import com.rapport.support.grpc.RemoteCalls;

import org.springframework.stereotype.Component;

/** The dashboard's survey figures from feedback-service's roll-ups, with the signed-in user's token. */
@Component
public class FiguresClient {

	private final FeedbackFiguresServiceBlockingStub stub;

	private final RemoteCalls remoteCalls;

	private final CallTokens tokens;

	FiguresClient(FeedbackFiguresServiceBlockingStub stub, RemoteCalls remoteCalls, CallTokens tokens) {
		this.stub = stub;
		this.remoteCalls = remoteCalls;
		this.tokens = tokens;
	}

	/**
	 * Month by month from {@code fromMonth} to {@code toMonth} ("2026-01"), of {@code customerIds} (empty: every
	 * organisation), and the period's of each group (label to its organisations, in the map's order).
	 */
	public FeedbackFigures figures(String fromMonth, String toMonth, List<String> customerIds,
			Map<String, List<String>> groups) {
		GetFeedbackFiguresRequest.Builder request = GetFeedbackFiguresRequest.newBuilder().setFromMonth(fromMonth)
			.setToMonth(toMonth).addAllCustomerIds(customerIds);
		groups.forEach((label, ids) -> request
			.addGroups(CustomerGroup.newBuilder().setLabel(label).addAllCustomerIds(ids)));
		return remoteCalls.read(SurveyClient.REMOTE,
				() -> stub.withCallCredentials(tokens.forCurrentCaller()).getFeedbackFigures(request.build()));
	}

	/**
	 * Month by month of the answers given while their organisation was in the segment ({@code tier} such as
	 * {@code TIER_VIP}, {@code industry}, {@code region}; empty: any), from feedback-service's roll-ups by segment,
	 * and with {@code breakdown} ({@code tier}, {@code industry}, {@code region}) one group per value, labelled with
	 * the value ({@code VIP}, an industry, empty when not given, {@code UNKNOWN}).
	 */
	public FeedbackFigures bySegment(String fromMonth, String toMonth, String tier, String industry, String region,
			String breakdown) {
		GetSegmentFiguresRequest request = GetSegmentFiguresRequest.newBuilder().setFromMonth(fromMonth)
			.setToMonth(toMonth)
			.setSegment(SegmentFilter.newBuilder().setTier(tier).setIndustry(industry).setRegion(region))
			.setBreakdown(breakdown)
			.build();
		return remoteCalls.read(SurveyClient.REMOTE,
				() -> stub.withCallCredentials(tokens.forCurrentCaller()).getSegmentFigures(request));
	}
}
