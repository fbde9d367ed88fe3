package com.rapport.customer.figures;

import java.util.List;

import com.rapport.customer.MongoConfiguration;
import com.rapport.customer.organisation.Organisation;
import com.rapport.support.mongo.EmbeddedMongoAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.data.mongodb.test.autoconfigure.DataMongoTest;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An offline check on a copy of a grown store (not in CI: only with {@code -Drapport.growth.store=<a copy of
 * benchmarks' growth-100k/customer-service>}): the segment indexes built once, then the dashboard's lifecycle reads by
 * segment timed, and their counts checked against a count of every organisation.
 */
@DataMongoTest
@Import(MongoConfiguration.class)
@ImportAutoConfiguration(EmbeddedMongoAutoConfiguration.class)
@TestPropertySource(properties = { "rapport.mongodb.embedded.in-memory=false",
		"rapport.mongodb.embedded.directory=${rapport.growth.store}", "spring.data.mongodb.auto-index-creation=false",
		"spring.mongodb.auto-index-creation=false" })
@EnabledIfSystemProperty(named = "rapport.growth.store", matches = ".+")
class LifecycleGrowthCheckTests {

	@Autowired
	MongoTemplate mongo;

	@Test
	void theLifecycleBySegmentOfAGrownStore() {
		long started = System.nanoTime();
		SegmentStages.index(mongo);
		long indexed = System.nanoTime();
		SegmentStages stages = new SegmentStages(mongo);
		long[] views = new long[7];
		long[][] parts = new long[5][views.length];
		StageCounts total = null;
		List<StageCounts> byIndustry = null;
		List<String> regions = null;
		for (int i = 0; i < views.length; i++) {
			long start = System.nanoTime();
			stages.distinct("industry");
			parts[0][i] = System.nanoTime() - start;
			regions = stages.distinct("region");
			parts[1][i] = System.nanoTime() - start - parts[0][i];
			long t = System.nanoTime();
			total = stages.count("", Segment.ANY);
			parts[2][i] = System.nanoTime() - t;
			t = System.nanoTime();
			byIndustry = stages.breakdown(Segment.ANY, "industry", total);
			parts[3][i] = System.nanoTime() - t;
			t = System.nanoTime();
			stages.breakdown(new Segment("KEY", "", ""), "region", stages.count("", new Segment("KEY", "", "")));
			parts[4][i] = System.nanoTime() - t;
			views[i] = System.nanoTime() - start;
		}
		for (long[] part : parts) {
			java.util.Arrays.sort(part);
		}
		System.out.printf("growth check parts (median ms): industries %.1f, regions %.1f (%d), total %.1f, by industry "
				+ "%.1f, KEY by region %.1f%n", parts[0][3] / 1e6, parts[1][3] / 1e6, regions.size(), parts[2][3] / 1e6,
				parts[3][3] / 1e6, parts[4][3] / 1e6);
		java.util.Arrays.sort(views);
		long all = mongo.count(new org.springframework.data.mongodb.core.query.Query(), Organisation.class);
		System.out.printf("growth check: %d organisations, indexes %d ms, a view (choices, total, by industry, KEY by "
				+ "region) median %.1f ms, max %.1f ms, %d industries%n", all, (indexed - started) / 1_000_000,
				views[views.length / 2] / 1e6, views[views.length - 1] / 1e6, byIndustry.size());
		assertThat(total.organisations()).isEqualTo(all);
		assertThat(byIndustry.stream().mapToLong(StageCounts::organisations).sum()).isEqualTo(all);
	}
}
