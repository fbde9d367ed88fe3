package com.rapport.ordertracking.notification;

import java.time.Duration;

import com.rapport.ordertracking.order.OrderChangeSignal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Each replica queues pending changes and sends what is due in rounds on a thread of its own: a round starts as soon
 * as an order change with news is written on this replica ({@link OrderChangeSignal}), else every
 * {@code rapport.notifications.interval} (1 s; changes written on other replicas, retries coming due, quiet hours
 * ending). {@code rapport.notifications.enabled=false} stops both (tests drive them themselves).
 */
@Component
@ConditionalOnBooleanProperty(name = "rapport.notifications.enabled", matchIfMissing = true)
class NotificationSchedule implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(NotificationSchedule.class);

	static final int SENDS_PER_ROUND = 200;

	static final Duration GATHER = Duration.ofMillis(20);

	private final NotificationFanOut fanOut;

	private final NotificationSender sender;

	private final OrderChangeSignal signal;

	private final Duration interval;

	private final Duration initialDelay;

	private volatile Thread worker;

	NotificationSchedule(NotificationFanOut fanOut, NotificationSender sender, OrderChangeSignal signal,
			NotificationProperties properties,
			@Value("${rapport.notifications.initial-delay:5s}") Duration initialDelay) {
		this.fanOut = fanOut;
		this.sender = sender;
		this.signal = signal;
		this.interval = properties.interval();
		this.initialDelay = initialDelay;
	}

	void round() {
		fanOut.queuePending();
		sender.sendDue(SENDS_PER_ROUND);
	}

	private void run() {
		try {
			Thread.sleep(initialDelay.toMillis());
			while (worker == Thread.currentThread()) {
				long seen = signal.current();
				try {
					round();
				}
				catch (RuntimeException ex) {
					// The next round tries again; a store or mail server hiccup must not end the rounds.
					log.warn("Notification round failed: {}", ex.toString());
				}
				if (signal.awaitAfter(seen, interval)) {
					// Writes come in bursts: a moment's wait lets one round take those of the same few milliseconds.
					Thread.sleep(GATHER.toMillis());
				}
			}
		}
		catch (InterruptedException stopping) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public void start() {
		Thread thread = new Thread(this::run, "notification-rounds");
		thread.setDaemon(true);
		worker = thread;
		thread.start();
	}

	@Override
	public void stop() {
		Thread running = worker;
		worker = null;
		if (running != null) {
			running.interrupt();
		}
	}

	@Override
	public boolean isRunning() {
		return worker != null;
	}
}
