package com.rapport.ordertracking.live.grpc;

import java.time.Duration;
import java.time.Instant;

import com.rapport.contracts.ordertracking.v1.FollowHeartbeat;
import com.rapport.contracts.ordertracking.v1.FollowRequest;
import com.rapport.contracts.ordertracking.v1.FollowReset;
import com.rapport.contracts.ordertracking.v1.FollowResponse;
import com.rapport.contracts.ordertracking.v1.OrderEventsServiceGrpc;
import com.rapport.contracts.ordertracking.v1.OrderLiveEvent;
import com.rapport.ordertracking.grpc.ProtoTimes;
import com.rapport.ordertracking.live.Follower;
import com.rapport.ordertracking.live.LiveEvent;
import com.rapport.ordertracking.live.LiveFollowers;
import com.rapport.support.security.Caller;
import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.grpc.server.service.GrpcService;

/**
 * A customer contact's open portal page following its organisation's order changes (through portal-web, with the
 * contact's token). Permission first: anyone but a customer contact of the organisation named is refused before
 * anything is read. A cancelled call (the tab closed, portal-web gone) leaves the followers at once.
 */
@GrpcService
class OrderEventsGrpcService extends OrderEventsServiceGrpc.OrderEventsServiceImplBase {

	static final int DEFAULT_SECONDS = 300;

	static final int MAX_SECONDS = 3600;

	private final LiveFollowers followers;

	OrderEventsGrpcService(LiveFollowers followers) {
		this.followers = followers;
	}

	@Override
	public void follow(FollowRequest request, StreamObserver<FollowResponse> response) {
		Caller caller = Caller.current();
		if (!caller.isCustomer() || !caller.canSeeCustomer(request.getCustomerId())) {
			throw new AccessDeniedException("A contact follows its own organisation only");
		}
		int seconds = request.getMaxSeconds() <= 0 ? DEFAULT_SECONDS : Math.min(request.getMaxSeconds(), MAX_SECONDS);
		Instant since = request.hasSince() ? ProtoTimes.instant(request.getSince()) : null;
		ServerCallStreamObserver<FollowResponse> stream = (ServerCallStreamObserver<FollowResponse>) response;
		StreamSink sink = new StreamSink(stream);
		Follower follower;
		try {
			follower = followers.follow(caller.name(), request.getCustomerId(), Math.max(request.getAfterPosition(), 0),
					since, Duration.ofSeconds(seconds), sink);
		}
		catch (LiveFollowers.TooManyStreams ex) {
			response.onError(Status.RESOURCE_EXHAUSTED.withDescription(ex.getMessage()).asRuntimeException());
			return;
		}
		sink.follower = follower;
		stream.setOnCancelHandler(() -> followers.unfollow(follower));
		if (sink.failed) {
			followers.unfollow(follower);
		}
	}

	/** Sends on the call; a call that is gone ends the follower. */
	private final class StreamSink implements Follower.Sink {

		private final ServerCallStreamObserver<FollowResponse> stream;

		private volatile Follower follower;

		private volatile boolean failed;

		StreamSink(ServerCallStreamObserver<FollowResponse> stream) {
			this.stream = stream;
		}

		@Override
		public void event(LiveEvent event) {
			OrderLiveEvent.Builder message = OrderLiveEvent.newBuilder().setPosition(event.position())
				.setOrderId(event.orderId()).setOrderNumber(event.orderNumber()).setKind(event.kind())
				.putAllFacts(event.facts()).setRecordedAt(ProtoTimes.timestamp(event.recordedAt()));
			if (event.occurredAt() != null) {
				message.setOccurredAt(ProtoTimes.timestamp(event.occurredAt()));
			}
			send(FollowResponse.newBuilder().setEvent(message).build());
		}

		@Override
		public void reset(long position) {
			send(FollowResponse.newBuilder().setReset(FollowReset.newBuilder().setPosition(position)).build());
		}

		@Override
		public void heartbeat(long position) {
			send(FollowResponse.newBuilder().setHeartbeat(FollowHeartbeat.newBuilder().setPosition(position)).build());
		}

		@Override
		public void end() {
			try {
				stream.onCompleted();
			}
			catch (RuntimeException gone) {
				failed = true;
			}
		}

		private void send(FollowResponse message) {
			if (failed || stream.isCancelled()) {
				gone();
				return;
			}
			try {
				stream.onNext(message);
			}
			catch (RuntimeException gone) {
				gone();
			}
		}

		private void gone() {
			failed = true;
			Follower known = follower;
			if (known != null) {
				followers.unfollow(known);
			}
		}
	}
}
