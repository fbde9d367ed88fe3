package com.rapport.customer.growth;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The growth settings ({@link GrowthProperties}). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(GrowthProperties.class)
class GrowthConfiguration {

	private static final Logger log = LoggerFactory.getLogger(GrowthConfiguration.class);

	/** Signals waiting to be recomputed at most; more are dropped (logged) and left to the nightly run. */
	static final int SIGNAL_QUEUE = 10_000;

	/**
	 * Where a signal's recompute runs: off the recording request, one at a time, so that recording an interaction
	 * never waits on ticket-service, feedback-service or order-tracking-service (which may be the caller).
	 * {@code rapport.growth.signals-async=false} (the module's tests) runs it in the recording thread.
	 */
	@Bean
	SignalRunner growthSignals(@Value("${rapport.growth.signals-async:true}") boolean async) {
		if (!async) {
			return new SignalRunner(Runnable::run, null);
		}
		ExecutorService executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
				new LinkedBlockingQueue<>(SIGNAL_QUEUE), work -> {
					Thread thread = new Thread(work, "growth-signals");
					thread.setDaemon(true);
					return thread;
				});
		return new SignalRunner(executor, executor);
	}

	/**
	 * Runs a signal's recompute (not an {@link Executor} bean, which would stand in for Spring Boot's task
	 * executor).
	 */
	record SignalRunner(Executor executor, ExecutorService owned) implements DisposableBean {

		/** Whether the work was taken: false when {@value #SIGNAL_QUEUE} wait already (logged; the nightly run catches up). */
		boolean run(Runnable work) {
			try {
				executor.execute(work);
				return true;
			}
			catch (RejectedExecutionException full) {
				log.warn("Growth signal dropped: {} waiting; the nightly run catches up", SIGNAL_QUEUE);
				return false;
			}
		}

		@Override
		public void destroy() {
			if (owned != null) {
				owned.shutdownNow();
			}
		}
	}

	/**
	 * With {@code rapport.growth.support-signals=false} tickets and scores are not asked for: every risk says they
	 * could not be read (the module's tests, which have no ticket-service or feedback-service).
	 */
	@Bean
	@ConditionalOnBooleanProperty(name = "rapport.growth.support-signals", havingValue = false)
	SupportSignals noSupportSignals() {
		return organisationId -> SupportFacts.UNKNOWN;
	}

	/** ... and no order lines: no reorder is predicted. */
	@Bean
	@ConditionalOnBooleanProperty(name = "rapport.growth.support-signals", havingValue = false)
	OrderHistory noOrderHistory() {
		return new OrderHistory() {

			@Override
			public List<ReorderRules.Line> linesOf(String organisationId) {
				return null;
			}

			@Override
			public Map<String, List<ReorderRules.Line>> linesOfRange(String firstId, String lastId) {
				return null;
			}
		};
	}
}
