package com.rapport.support.mongo;

import com.mongodb.MongoClientSettings;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class MongoWriteConcernAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(MongoWriteConcernAutoConfiguration.class, EmbeddedMongoAutoConfiguration.class,
					MongoAutoConfiguration.class));

	@Test
	void aRealMongoDbAcknowledgesOnceAMajorityJournaledTheWrite() {
		runner.withPropertyValues("spring.mongodb.uri=mongodb://db1.example,db2.example/?replicaSet=rs0")
			.run(context -> assertThat(writeConcernOf(context)).isEqualTo(WriteConcern.MAJORITY.withJournal(true)));
	}

	@Test
	void aUriThatNamesItsWriteConcernKeepsIt() {
		runner.withPropertyValues("spring.mongodb.uri=mongodb://db1.example/?w=1")
			.run(context -> assertThat(writeConcernOf(context)).isEqualTo(WriteConcern.W1));
	}

	@Test
	void theEmbeddedStoreNeedsNone() {
		runner.withPropertyValues("rapport.mongodb.embedded.in-memory=true")
			.run(context -> assertThat(context).doesNotHaveBean("rapportDurableWriteConcern")
				.hasSingleBean(MongoClient.class));
	}

	private static WriteConcern writeConcernOf(org.springframework.context.ApplicationContext context) {
		MongoClientSettings.Builder builder = MongoClientSettings.builder()
			.applyConnectionString(context.getBean(
					org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails.class).getConnectionString());
		context.getBeanProvider(MongoClientSettingsBuilderCustomizer.class).orderedStream()
			.forEach(customizer -> customizer.customize(builder));
		return builder.build().getWriteConcern();
	}
}
