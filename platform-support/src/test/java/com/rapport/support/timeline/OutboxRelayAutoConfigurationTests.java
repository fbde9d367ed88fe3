package com.rapport.support.timeline;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.rapport.contracts.customer.v1.TimelineServiceGrpc.TimelineServiceBlockingStub;
import com.rapport.support.grpc.GrpcClientSupportAutoConfiguration;
import com.rapport.support.mongo.EmbeddedMongoAutoConfiguration;
import com.rapport.support.timeline.OutboxRelayAutoConfiguration.RelaySchedule;
import com.rapport.support.timeline.OutboxRelayMongoTests.StandInTimeline;
import com.rapport.support.timeline.grpc.GrpcInteractionRecorder;
import com.rapport.support.timeline.grpc.TimelineClientAutoConfiguration;
import io.grpc.ManagedChannel;
import io.grpc.inprocess.InProcessChannelBuilder;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration;
import org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.grpc.client.ChannelBuilderOptions;
import org.springframework.grpc.client.GrpcChannelFactory;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTask;
import org.springframework.scheduling.config.ScheduledTaskHolder;

import static org.assertj.core.api.Assertions.assertThat;

/** A service with an outbox gets the recorder, the relay and its lease-guarded round; one without gets none. */
class OutboxRelayAutoConfigurationTests {

	private final List<String> channels = new ArrayList<>();

	private final ApplicationContextRunner service = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(EmbeddedMongoAutoConfiguration.class, MongoAutoConfiguration.class,
				DataMongoAutoConfiguration.class, GrpcClientSupportAutoConfiguration.class, OutboxRelayAutoConfiguration.class,
				TimelineClientAutoConfiguration.class))
		.withPropertyValues("spring.application.name=parcel-service", "rapport.mongodb.embedded.in-memory=true")
		.withBean(GrpcChannelFactory.class, () -> new InProcessChannels(channels));

	private final ApplicationContextRunner serviceWithOutbox = service
		.withBean(Parcel.Outbox.class, Parcel.Outbox::new);

	@Test
	void aServiceWithAnOutboxTellsTheTimelineOverGrpcAsItself() {
		serviceWithOutbox.withPropertyValues("rapport.relay.initial-delay=1h").run(context -> {
			assertThat(context).hasSingleBean(GrpcInteractionRecorder.class).hasSingleBean(TimelineServiceBlockingStub.class)
				.hasSingleBean(OutboxRelay.class).hasSingleBean(RelaySchedule.class);
			assertThat(context.getBean(OutboxRelay.class).leaseName()).isEqualTo(new Parcel.Outbox().leaseName());
			assertThat(channels).containsExactly("customer-service");
		});
	}

	@Test
	void aServiceWithoutAnOutboxHasNoRelayNorRecorder() {
		service.run(context -> assertThat(context).doesNotHaveBean(OutboxRelay.class)
			.doesNotHaveBean(RelaySchedule.class).doesNotHaveBean(InteractionRecorder.class)
			.doesNotHaveBean(TimelineServiceBlockingStub.class));
		assertThat(channels).isEmpty();
	}

	@Test
	void withTheRelayOffTheRecorderStaysAndNoRoundIsScheduled() {
		serviceWithOutbox.withPropertyValues("rapport.relay.enabled=false").run(context -> {
			assertThat(context).hasSingleBean(InteractionRecorder.class).doesNotHaveBean(OutboxRelay.class)
				.doesNotHaveBean(RelaySchedule.class);
		});
	}

	@Test
	void theRoundRunsEveryIntervalAfterTheInitialDelayAsSet() {
		serviceWithOutbox.withPropertyValues("rapport.relay.initial-delay=1h", "rapport.relay.interval=3s")
			.run(context -> assertThat(relayTask(context.getBean(ScheduledTaskHolder.class))).satisfies(task -> {
				assertThat(task.getInitialDelayDuration()).isEqualTo(Duration.ofHours(1));
				assertThat(task.getIntervalDuration()).isEqualTo(Duration.ofSeconds(3));
			}));
	}

	@Test
	void theRoundRunsEveryTwoSecondsAfterFiveByDefault() {
		serviceWithOutbox.run(context -> assertThat(relayTask(context.getBean(ScheduledTaskHolder.class)))
			.satisfies(task -> {
				assertThat(task.getInitialDelayDuration()).isEqualTo(Duration.ofSeconds(5));
				assertThat(task.getIntervalDuration()).isEqualTo(Duration.ofSeconds(2));
			}));
	}

	@Test
	void aRoundRelaysUnderTheOutboxsLeaseWithTheServicesRecorder() {
		StandInTimeline timeline = new StandInTimeline();
		serviceWithOutbox.withPropertyValues("rapport.relay.initial-delay=1h")
			.withBean(InteractionRecorder.class, () -> timeline)
			.run(context -> {
				assertThat(context).doesNotHaveBean(GrpcInteractionRecorder.class);
				MongoTemplate mongo = context.getBean(MongoTemplate.class);
				mongo.insert(Parcel.of("p-1", "acme-retail",
						Parcel.event("e-1", "ORDER_PLACED", Instant.parse("2026-11-20T08:00:00Z"))));

				context.getBean(RelaySchedule.class).run();

				assertThat(timeline.kept).containsOnlyKeys("e-1");
				assertThat(mongo.findById("p-1", Parcel.class).outbox()).isEmpty();
				Document lease = mongo.findById("parcel-event-relay", Document.class, "leases");
				assertThat(lease).isNotNull();
				assertThat(lease.getString("lockedBy")).startsWith("parcel-service/");
			});
	}

	/** The channels the service's gRPC clients would open, by name; closed with the context. */
	record InProcessChannels(List<String> opened, List<ManagedChannel> channels) implements GrpcChannelFactory,
			DisposableBean {

		InProcessChannels(List<String> opened) {
			this(opened, new ArrayList<>());
		}

		@Override
		public boolean supports(String target) {
			return true;
		}

		@Override
		public ManagedChannel createChannel(String target, ChannelBuilderOptions options) {
			opened.add(target);
			ManagedChannel channel = InProcessChannelBuilder.forName(target).build();
			channels.add(channel);
			return channel;
		}

		@Override
		public void destroy() {
			channels.forEach(ManagedChannel::shutdownNow);
		}
	}

	private static FixedDelayTask relayTask(ScheduledTaskHolder scheduler) {
		return scheduler.getScheduledTasks().stream().map(ScheduledTask::getTask)
			.filter(FixedDelayTask.class::isInstance).map(FixedDelayTask.class::cast).findFirst().orElseThrow();
	}
}
