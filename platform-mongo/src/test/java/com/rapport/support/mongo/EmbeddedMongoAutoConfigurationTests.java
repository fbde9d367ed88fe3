package com.rapport.support.mongo;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import de.bwaldvogel.mongo.MongoServer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.task.TaskSchedulingAutoConfiguration;
import org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration;
import org.springframework.boot.mongodb.autoconfigure.MongoReactiveAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

import static org.assertj.core.api.Assertions.assertThat;

class EmbeddedMongoAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(EmbeddedMongoAutoConfiguration.class, MongoAutoConfiguration.class,
				DataMongoAutoConfiguration.class, EmbeddedMongoHealthAutoConfiguration.class))
		.withPropertyValues("spring.application.name=test-service");

	@Test
	void dataSurvivesARestart(@TempDir Path data) {
		runner.withPropertyValues("rapport.mongodb.embedded.directory=" + data).run(context -> context
			.getBean(MongoTemplate.class).insert(new Document("name", "Acme Retail"), "organisations"));
		runner.withPropertyValues("rapport.mongodb.embedded.directory=" + data).run(context -> {
			var found = context.getBean(MongoTemplate.class).findAll(Document.class, "organisations");
			assertThat(found).extracting(d -> d.getString("name")).containsExactly("Acme Retail");
		});
		assertThat(data.resolve("mongo.mv")).exists();
	}

	/**
	 * The store's maintenance thread was a {@code ScheduledExecutorService} bean, which Spring then used for every
	 * {@code @Scheduled} method (and Boot made no scheduler): a service's rounds ran one at a time behind the store's
	 * compaction.
	 */
	@Test
	void theApplicationsScheduledWorkRunsOnItsOwnSchedulerNotOnTheStoresMaintenanceThread() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(EmbeddedMongoAutoConfiguration.class, MongoAutoConfiguration.class,
					TaskSchedulingAutoConfiguration.class))
			.withUserConfiguration(Ticking.class)
			.withPropertyValues("spring.application.name=test-service", "rapport.mongodb.embedded.in-memory=true")
			.run(context -> {
				assertThat(context).hasSingleBean(TaskScheduler.class).doesNotHaveBean(ScheduledExecutorService.class);
				Ticking ticking = context.getBean(Ticking.class);
				assertThat(ticking.ran.await(10, TimeUnit.SECONDS)).isTrue();
				assertThat(ticking.thread).isNotEqualTo("embedded-mongo-sweeper");
			});
	}

	@Configuration(proxyBeanMethods = false)
	@EnableScheduling
	static class Ticking {

		final CountDownLatch ran = new CountDownLatch(1);

		volatile String thread;

		@Scheduled(fixedDelay = 50)
		void tick() {
			thread = Thread.currentThread().getName();
			ran.countDown();
		}
	}

	@Test
	void thePageCacheTakesAQuarterOfTheHeapUnlessSet() {
		long mb = 1024 * 1024;
		assertThat(EmbeddedMongoProperties.defaultCacheSizeMb(256 * mb)).isEqualTo(64);
		assertThat(EmbeddedMongoProperties.defaultCacheSizeMb(2048 * mb)).isEqualTo(128);
		assertThat(EmbeddedMongoProperties.defaultCacheSizeMb(32 * mb)).isEqualTo(16);
		runner.withPropertyValues("rapport.mongodb.embedded.in-memory=true", "rapport.mongodb.embedded.cache-size-mb=24")
			.run(context -> assertThat(context.getBean(EmbeddedMongoProperties.class).cacheSizeMb()).isEqualTo(24));
	}

	@Test
	void aConfiguredMongoDbUriStartsNothingEmbedded() {
		runner.withPropertyValues("spring.mongodb.uri=mongodb://db.example:27017/x")
			.run(context -> assertThat(context).doesNotHaveBean(MongoServer.class));
		runner.withSystemProperties("MONGODB_URI=mongodb://db.example:27017/x")
			.run(context -> assertThat(context).doesNotHaveBean(MongoServer.class));
	}

	@Test
	void theReactiveHealthProbeWorksAgainstTheEmbeddedServer() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(EmbeddedMongoAutoConfiguration.class,
					MongoReactiveAutoConfiguration.class, EmbeddedMongoHealthAutoConfiguration.class))
			.withPropertyValues("spring.application.name=gateway", "rapport.mongodb.embedded.in-memory=true")
			.run(context -> {
				var health = context.getBean("mongoHealthIndicator", ReactiveHealthIndicator.class).health()
					.block(java.time.Duration.ofSeconds(10));
				assertThat(health.getStatus().getCode()).isEqualTo("UP");
			});
	}

	@Test
	void theHealthProbeWorksAgainstTheEmbeddedServer() {
		runner.withPropertyValues("rapport.mongodb.embedded.in-memory=true").run(context -> {
			var health = context.getBean("mongoHealthIndicator",
					org.springframework.boot.health.contributor.HealthIndicator.class).health();
			assertThat(health.getStatus().getCode()).isEqualTo("UP");
		});
	}
}
