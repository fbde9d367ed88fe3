package com.rapport.portal.live;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;

import com.rapport.contracts.ordertracking.v1.CountMyUnreadRequest;
import com.rapport.contracts.ordertracking.v1.CountMyUnreadResponse;
import com.rapport.contracts.ordertracking.v1.FollowHeartbeat;
import com.rapport.contracts.ordertracking.v1.FollowRequest;
import com.rapport.contracts.ordertracking.v1.FollowResponse;
import com.rapport.contracts.ordertracking.v1.NotificationInboxServiceGrpc;
import com.rapport.contracts.ordertracking.v1.OrderEventsServiceGrpc;
import com.rapport.contracts.ordertracking.v1.OrderLiveEvent;
import com.rapport.portal.web.PageTestConfiguration;
import com.rapport.support.security.ResourceServerSecurityAutoConfiguration;
import com.rapport.support.test.TestTokens;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockAsyncContext;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static com.rapport.support.test.TestJwtRequests.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * {@code GET /portal/live} with the real connection handling and a real gRPC stream (in-process) from a stand-in of
 * order-tracking-service's live feed and inbox count, which records what it was asked and when a stream is
 * cancelled.
 */
@WebMvcTest(LiveController.class)
@ImportAutoConfiguration(ResourceServerSecurityAutoConfiguration.class)
@Import({ PageTestConfiguration.class, LiveStreams.class, LiveControllerMvcTests.StandIn.class })
@TestPropertySource(properties = "rapport.live.max-streams-per-contact=2")
class LiveControllerMvcTests {

	static final String SERVER = "live-mvc-test";

	static final List<FollowRequest> ASKED = new CopyOnWriteArrayList<>();

	static final List<String> CANCELLED = new CopyOnWriteArrayList<>();

	/** What the stand-in streams for the next call: events, then it ends after {@code holdMillis} (-1: never). */
	static volatile List<OrderLiveEvent> toSend = List.of();

	static volatile long holdMillis = 600;

	static final Server server = start();

	@Autowired
	MockMvc mvc;

	@Autowired
	LiveStreams streams;

	@TestConfiguration(proxyBeanMethods = false)
	@EnableConfigurationProperties(LiveProperties.class)
	static class StandIn {

		static final ManagedChannel CHANNEL = InProcessChannelBuilder.forName(SERVER).build();

		@Bean
		OrderEventsServiceGrpc.OrderEventsServiceStub orderEventsServiceStub() {
			return OrderEventsServiceGrpc.newStub(CHANNEL);
		}

		@Bean
		NotificationInboxServiceGrpc.NotificationInboxServiceBlockingStub notificationInboxServiceStub() {
			return NotificationInboxServiceGrpc.newBlockingStub(CHANNEL);
		}
	}

	private static Server start() {
		try {
			return InProcessServerBuilder.forName(SERVER).addService(new OrderEventsServiceGrpc.OrderEventsServiceImplBase() {
				@Override
				public void follow(FollowRequest request, StreamObserver<FollowResponse> response) {
					ASKED.add(request);
					ServerCallStreamObserver<FollowResponse> stream = (ServerCallStreamObserver<FollowResponse>) response;
					stream.setOnCancelHandler(() -> CANCELLED.add(request.getCustomerId()));
					toSend.forEach(event -> stream.onNext(FollowResponse.newBuilder().setEvent(event).build()));
					stream.onNext(FollowResponse.newBuilder().setHeartbeat(FollowHeartbeat.getDefaultInstance()).build());
					if (holdMillis >= 0) {
						new Thread(() -> {
							sleep(holdMillis);
							if (!stream.isCancelled()) {
								stream.onCompleted();
							}
						}).start();
					}
				}
			}).addService(new NotificationInboxServiceGrpc.NotificationInboxServiceImplBase() {
				@Override
				public void countMyUnread(CountMyUnreadRequest request, StreamObserver<CountMyUnreadResponse> response) {
					response.onNext(CountMyUnreadResponse.newBuilder().setUnread(3).build());
					response.onCompleted();
				}
			}).build().start();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@AfterAll
	static void stop() {
		server.shutdownNow();
	}

	@BeforeEach
	void reset() {
		ASKED.clear();
		CANCELLED.clear();
		toSend = List.of();
		holdMillis = 600;
	}

	private String streamed(MvcResult started) throws Exception {
		return mvc.perform(asyncDispatch(started)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

	@Test
	void aContactHearsOfItsOrganisationsChangesResumingAfterTheLastEventItHad() throws Exception {
		toSend = List.of(OrderLiveEvent.newBuilder().setPosition(42).setOrderId("o-1").setOrderNumber("ACME-1016")
			.setKind("MILESTONE_REACHED").putFacts("code", "SHIPPED").build());

		MvcResult started = mvc.perform(get("/portal/live").param("since", "1765000000000")
			.header("Last-Event-ID", "41").accept("text/event-stream").with(as(TestTokens.customer("acme-retail"))))
			.andExpect(request().asyncStarted()).andReturn();
		String events = streamed(started);

		assertThat(ASKED).singleElement().satisfies(asked -> {
			assertThat(asked.getCustomerId()).as("the token's organisation").isEqualTo("acme-retail");
			assertThat(asked.getAfterPosition()).isEqualTo(41);
			assertThat(asked.hasSince()).as("a reconnection resumes by its id, not the page's time").isFalse();
			assertThat(asked.getMaxSeconds()).isBetween(30, 600);
		});
		assertThat(events).contains("retry:2000").contains("id:42\nevent:order\ndata:")
			.contains("\"orderId\":\"o-1\"", "\"kind\":\"MILESTONE_REACHED\"", "\"code\":\"SHIPPED\"")
			.contains("event:unread\ndata:{\"unread\":3}");
	}

	@Test
	void theFirstConnectionReplaysWhatChangedSinceThePageWasMade() throws Exception {
		mvc.perform(get("/portal/live").param("since", "1765000000000").accept("text/event-stream")
			.with(as(TestTokens.customer("acme-retail")))).andExpect(request().asyncStarted());

		awaitAsked(1);
		FollowRequest asked = ASKED.get(0);
		assertThat(asked.getAfterPosition()).isZero();
		assertThat(Instant.ofEpochSecond(asked.getSince().getSeconds(), asked.getSince().getNanos()))
			.as("the page's time less the margin for two clocks").isEqualTo(Instant.ofEpochMilli(1_765_000_000_000L - 2000));
	}

	@Test
	void aClosedTabCancelsItsStreamAndFreesItsPlace() throws Exception {
		holdMillis = -1;
		MvcResult started = mvc.perform(get("/portal/live").accept("text/event-stream")
			.with(as(TestTokens.customer("acme-retail")))).andExpect(request().asyncStarted()).andReturn();
		awaitAsked(1);
		int open = streams.open();

		MockAsyncContext context = (MockAsyncContext) started.getRequest().getAsyncContext();
		for (AsyncListener listener : context.getListeners()) {
			listener.onError(new AsyncEvent(context, new IOException("Broken pipe")));
		}
		for (AsyncListener listener : context.getListeners()) {
			listener.onComplete(new AsyncEvent(context));
		}

		awaitOpen(open - 1);
		long until = System.nanoTime() + Duration.ofSeconds(5).toNanos();
		while (CANCELLED.isEmpty() && System.nanoTime() < until) {
			sleep(10);
		}
		assertThat(CANCELLED).containsExactly("acme-retail");
	}

	/**
	 * The session's bug: pages left a moment ago still counted (a left page's connection is noticed only when a write
	 * to it fails, up to two heartbeats later), and the page a contact had just opened was refused with 429 and never
	 * updated. Now the newest is served and the oldest ends (a page still open reconnects with its Last-Event-ID).
	 */
	@Test
	void aContactsNewestPageIsServedBeyondTheLimitAndItsOldestConnectionEnds() throws Exception {
		holdMillis = -1;
		int before = streams.open();
		MvcResult first = mvc.perform(get("/portal/live").accept("text/event-stream")
			.with(as(TestTokens.customer("globex-trading")))).andExpect(request().asyncStarted()).andReturn();
		awaitAsked(1);
		mvc.perform(get("/portal/live").accept("text/event-stream").with(as(TestTokens.customer("globex-trading"))))
			.andExpect(request().asyncStarted());
		awaitAsked(2);

		mvc.perform(get("/portal/live").accept("text/event-stream").with(as(TestTokens.customer("globex-trading"))))
			.andExpect(status().isOk()).andExpect(request().asyncStarted());
		awaitAsked(3);
		awaitOpen(before + 2);
		long until = System.nanoTime() + Duration.ofSeconds(5).toNanos();
		while (CANCELLED.isEmpty() && System.nanoTime() < until) {
			sleep(10);
		}
		assertThat(CANCELLED).as("the oldest connection's stream").containsExactly("globex-trading");
		assertThat(streamed(first)).as("the oldest connection ended normally (its page reconnects)").contains("retry:2000");
	}

	@Test
	void staffHaveNoLiveFeedAndNoStreamIsOpened() throws Exception {
		mvc.perform(get("/portal/live").accept("text/event-stream").with(as(TestTokens.staff("agent"))))
			.andExpect(status().isForbidden());
		assertThat(ASKED).isEmpty();
	}

	@Test
	void anEditedLastEventIdIsNoResumePoint() {
		assertThat(LiveController.number("12abc")).isZero();
		assertThat(LiveController.number("-4")).isZero();
		assertThat(LiveController.number("99999999999999999999")).isZero();
		assertThat(LiveController.number("77")).isEqualTo(77);
	}

	private void awaitAsked(int count) {
		long until = System.nanoTime() + Duration.ofSeconds(5).toNanos();
		while (ASKED.size() < count && System.nanoTime() < until) {
			sleep(10);
		}
		assertThat(ASKED).hasSize(count);
	}

	private void awaitOpen(int count) {
		long until = System.nanoTime() + Duration.ofSeconds(5).toNanos();
		while (streams.open() != count && System.nanoTime() < until) {
			sleep(10);
		}
		assertThat(streams.open()).isEqualTo(count);
	}

	private static void sleep(long millis) {
		try {
			TimeUnit.MILLISECONDS.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
