package com.rapport.ordertracking.live;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.google.protobuf.Timestamp;
import com.rapport.contracts.ordertracking.v1.FollowRequest;
import com.rapport.contracts.ordertracking.v1.FollowResponse;
import com.rapport.contracts.ordertracking.v1.OrderEventsServiceGrpc;
import com.rapport.contracts.ordertracking.v1.OrderLiveEvent;
import com.rapport.ordertracking.customer.CustomerDirectory;
import com.rapport.ordertracking.order.Milestone;
import com.rapport.ordertracking.order.MilestoneCode;
import com.rapport.ordertracking.order.Order;
import com.rapport.ordertracking.order.OrderChange;
import com.rapport.ordertracking.order.OrderProgressService;
import com.rapport.ordertracking.order.OrderRepository;
import com.rapport.support.grpc.CallTokens;
import com.rapport.support.test.TestTokens;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;

/**
 * The live feed end to end inside the service: order changes written by the real progress service, moved into the
 * feed, streamed over in-process gRPC with the real security interceptor and store. The tests move the feed and poll
 * themselves ({@code rapport.live.enabled=false}), so each step is seen as it happens.
 */
@SpringBootTest(properties = { "rapport.mongodb.embedded.in-memory=true", "spring.grpc.server.port=0",
		"spring.grpc.server.inprocess.name=" + LiveFeedTests.SERVER, "rapport.live.enabled=false",
		"rapport.relay.enabled=false", "rapport.notifications.enabled=false", "rapport.webhooks.enabled=false",
		"rapport.delays.enabled=false",
		"rapport.live.max-streams-per-caller=2", "rapport.live.replay-limit=4" })
@Import(TestTokens.DecoderConfiguration.class)
class LiveFeedTests {

	static final String SERVER = "live-feed-test";

	static final ManagedChannel channel = InProcessChannelBuilder.forName(SERVER).directExecutor().build();

	static final Instant PLACED = Instant.now().minus(Duration.ofHours(1));

	@Autowired
	OrderRepository orders;

	@Autowired
	OrderProgressService progress;

	@Autowired
	LiveFeed feed;

	@Autowired
	LiveFollowers followers;

	@Autowired
	LiveEvents events;

	@Autowired
	MongoTemplate mongo;

	@MockitoBean
	CustomerDirectory customers;

	private final List<Stream> opened = new ArrayList<>();

	@BeforeEach
	void setUp() {
		// The feed is kept from test to test, as in production: positions only ever grow.
		orders.deleteAll();
		given(customers.exists(org.mockito.ArgumentMatchers.anyString())).willReturn(true);
		for (String[] order : new String[][] { { "acme-retail", "PO-1" }, { "globex-trading", "GX-1" } }) {
			orders.insert(new Order(null, order[0], order[1], PLACED, LocalDate.now().plusDays(30), null, List.of(),
					List.of(new Milestone(MilestoneCode.PLACED, PLACED, null)), "partner", null, null, null));
		}
	}

	@AfterEach
	void closeStreams() {
		opened.forEach(Stream::cancel);
	}

	@Test
	void aContactFollowsItsOwnOrganisationAndNoOneElseFollowsAny() {
		assertThat(follow(TestTokens.customer("acme-retail"), "globex-trading", 0, null).status())
			.isEqualTo(Status.Code.PERMISSION_DENIED);
		assertThat(follow(TestTokens.staff("manager"), "acme-retail", 0, null).status())
			.isEqualTo(Status.Code.PERMISSION_DENIED);
		assertThat(follow(TestTokens.service(), "acme-retail", 0, null).status()).isEqualTo(Status.Code.PERMISSION_DENIED);
		assertThat(follow("forged", "acme-retail", 0, null).status()).isEqualTo(Status.Code.UNAUTHENTICATED);
		assertThat(followers.open()).isZero();
	}

	@Test
	void aMilestoneReachesTheOpenStreamsOfItsOrganisationOnly() {
		Stream acme = follow(TestTokens.customer("acme-retail"), "acme-retail", 0, null);
		Stream globex = follow(TestTokens.customer("globex-trading"), "globex-trading", 0, null);

		milestone("acme-retail", "PO-1", "e-ship", MilestoneCode.SHIPPED, 60);
		assertThat(feed.moveWaiting()).isEqualTo(1);
		followers.poll();

		OrderLiveEvent shipped = acme.nextEvent();
		assertThat(shipped.getKind()).isEqualTo("MILESTONE_REACHED");
		assertThat(shipped.getOrderNumber()).isEqualTo("PO-1");
		assertThat(shipped.getFactsMap()).containsEntry("code", "SHIPPED");
		assertThat(shipped.getPosition()).isPositive();
		assertThat(globex.events()).isEmpty();
		assertThat(acme.status()).isNull();
	}

	@Test
	void aStreamResumedAfterItsLastEventGetsWhatCameAfterItOnceAndNothingBefore() {
		milestone("acme-retail", "PO-1", "e-1", MilestoneCode.CONFIRMED, 300);
		milestone("acme-retail", "PO-1", "e-2", MilestoneCode.IN_PRODUCTION, 200);
		milestone("acme-retail", "PO-1", "e-3", MilestoneCode.PACKED, 100);
		feed.moveWaiting();
		String order = orders.findByCustomerIdAndOrderNumber("acme-retail", "PO-1").orElseThrow().id();
		List<Long> positions = mongo.find(Query.query(Criteria.where("orderId").is(order)), LiveEvent.class)
			.stream().map(LiveEvent::position).sorted().toList();

		Stream resumed = follow(TestTokens.customer("acme-retail"), "acme-retail", positions.get(0), null);
		milestone("acme-retail", "PO-1", "e-4", MilestoneCode.SHIPPED, 50);
		feed.moveWaiting();
		followers.poll();
		followers.poll();

		assertThat(resumed.awaitEvents(3)).extracting(e -> e.getFactsMap().get("code"))
			.containsExactly("IN_PRODUCTION", "PACKED", "SHIPPED");
		assertThat(resumed.events()).isEmpty();
	}

	@Test
	void aDroppedConnectionResumesWithoutLosingAnEventAndLeavesNoStreamBehind() {
		Stream first = follow(TestTokens.customer("acme-retail"), "acme-retail", 0, null);
		milestone("acme-retail", "PO-1", "e-1", MilestoneCode.CONFIRMED, 300);
		feed.moveWaiting();
		followers.poll();
		long last = first.nextEvent().getPosition();

		first.cancel();
		awaitOpen(0);
		milestone("acme-retail", "PO-1", "e-2", MilestoneCode.PACKED, 200);
		progress.change("acme-retail", "PO-1", new OrderChange(LocalDate.now().plusDays(20), null, null, null));
		feed.moveWaiting();
		followers.poll();

		Stream again = follow(TestTokens.customer("acme-retail"), "acme-retail", last, null);
		assertThat(again.awaitEvents(2)).extracting(OrderLiveEvent::getKind)
			.containsExactly("MILESTONE_REACHED", "ETA_CHANGED");
		assertThat(again.events()).isEmpty();
	}

	@Test
	void whatChangedSinceThePageWasMadeIsReplayedOnTheFirstConnection() {
		milestone("acme-retail", "PO-1", "e-old", MilestoneCode.CONFIRMED, 300);
		feed.moveWaiting();
		mongo.updateMulti(new Query(), Update.update("recordedAt", PLACED), LiveEvent.class);
		Instant pageMade = Instant.now().minusSeconds(1);
		milestone("acme-retail", "PO-1", "e-new", MilestoneCode.PACKED, 100);
		feed.moveWaiting();

		Stream stream = follow(TestTokens.customer("acme-retail"), "acme-retail", 0, pageMade);

		assertThat(stream.awaitEvents(1)).extracting(e -> e.getFactsMap().get("code")).containsExactly("PACKED");
	}

	@Test
	void moreMissedThanIsReplayedIsAResetToTheNewestPosition() {
		for (int i = 0; i < 6; i++) {
			milestone("acme-retail", "PO-1", "e-" + i, MilestoneCode.EXCEPTION, 600 - i);
		}
		feed.moveWaiting();

		Stream stream = follow(TestTokens.customer("acme-retail"), "acme-retail", 0, PLACED);

		FollowResponse first = stream.next();
		assertThat(first.hasReset()).isTrue();
		assertThat(first.getReset().getPosition()).isEqualTo(events.newestPosition());
		assertThat(stream.events()).isEmpty();
	}

	@Test
	void aLoginHoldsAtMostItsShareOfStreamsAndAClosedOneFreesItsPlace() {
		Stream one = follow(TestTokens.customer("acme-retail"), "acme-retail", 0, null);
		follow(TestTokens.customer("acme-retail"), "acme-retail", 0, null);
		assertThat(follow(TestTokens.customer("acme-retail"), "acme-retail", 0, null).status())
			.isEqualTo(Status.Code.RESOURCE_EXHAUSTED);

		one.cancel();
		awaitOpen(1);
		assertThat(follow(TestTokens.customer("acme-retail"), "acme-retail", 0, null).status()).isNull();
		assertThat(followers.open()).isEqualTo(2);
	}

	@Test
	void aChangeMovedAgainAfterARoundCutShortIsInTheFeedOnce() {
		milestone("acme-retail", "PO-1", "e-1", MilestoneCode.SHIPPED, 60);
		Order before = orders.findByCustomerIdAndOrderNumber("acme-retail", "PO-1").orElseThrow();
		assertThat(feed.moveWaiting()).isEqualTo(1);
		// The round died after the insert, before the change left the order: it is still waiting there.
		mongo.updateFirst(Query.query(Criteria.where("_id").is(before.id())), new Update().set("live", before.live()),
				Order.class);

		assertThat(feed.moveWaiting()).isZero();
		assertThat(mongo.count(Query.query(Criteria.where("_id").is(before.live().get(0).eventId())), LiveEvent.class))
			.isEqualTo(1);
		assertThat(orders.findById(before.id()).orElseThrow().live()).isEmpty();
	}

	private void milestone(String customer, String number, String eventId, MilestoneCode code, long secondsAgo) {
		progress.appendMilestone(customer, number, new Milestone(code, Instant.now().minusSeconds(secondsAgo), null,
				eventId, null, null, null, null, false, null));
	}

	private void awaitOpen(int count) {
		long until = System.nanoTime() + Duration.ofSeconds(5).toNanos();
		while (followers.open() != count && System.nanoTime() < until) {
			Thread.onSpinWait();
		}
		assertThat(followers.open()).isEqualTo(count);
	}

	private Stream follow(String token, String customer, long after, Instant since) {
		FollowRequest.Builder request = FollowRequest.newBuilder().setCustomerId(customer).setAfterPosition(after)
			.setMaxSeconds(60);
		if (since != null) {
			request.setSince(Timestamp.newBuilder().setSeconds(since.getEpochSecond()).setNanos(since.getNano()));
		}
		Stream stream = new Stream();
		OrderEventsServiceGrpc.newStub(channel).withCallCredentials(CallTokens.bearer(token)).follow(request.build(), stream);
		opened.add(stream);
		stream.awaitStarted();
		return stream;
	}

	/** One open stream as its client sees it: every message, and how it ended (null while open). */
	static final class Stream implements ClientResponseObserver<FollowRequest, FollowResponse> {

		private final LinkedBlockingQueue<FollowResponse> messages = new LinkedBlockingQueue<>();

		private volatile ClientCallStreamObserver<FollowRequest> call;

		private volatile Status.Code status;

		@Override
		public void beforeStart(ClientCallStreamObserver<FollowRequest> requestStream) {
			call = requestStream;
		}

		@Override
		public void onNext(FollowResponse value) {
			messages.add(value);
		}

		@Override
		public void onError(Throwable t) {
			status = Status.fromThrowable(t).getCode();
		}

		@Override
		public void onCompleted() {
			status = Status.Code.OK;
		}

		/** Until the first message (the replay done) or the end. */
		void awaitStarted() {
			long until = System.nanoTime() + Duration.ofSeconds(5).toNanos();
			while (messages.isEmpty() && status == null && System.nanoTime() < until) {
				Thread.onSpinWait();
			}
		}

		Status.Code status() {
			return status;
		}

		FollowResponse next() {
			try {
				FollowResponse message = messages.poll(5, TimeUnit.SECONDS);
				assertThat(message).as("a message within 5 s").isNotNull();
				return message;
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}

		OrderLiveEvent nextEvent() {
			FollowResponse message = next();
			while (message.hasHeartbeat()) {
				message = next();
			}
			assertThat(message.hasEvent()).isTrue();
			return message.getEvent();
		}

		List<OrderLiveEvent> awaitEvents(int count) {
			List<OrderLiveEvent> events = new ArrayList<>();
			while (events.size() < count) {
				events.add(nextEvent());
			}
			return events;
		}

		/** The events received and not yet taken (heartbeats skipped). */
		List<OrderLiveEvent> events() {
			List<OrderLiveEvent> events = new ArrayList<>();
			FollowResponse message;
			while ((message = messages.poll()) != null) {
				if (message.hasEvent()) {
					events.add(message.getEvent());
				}
			}
			return events;
		}

		void cancel() {
			if (call != null && status == null) {
				call.cancel("closed by the test", null);
			}
		}
	}
}
