package com.rapport.ordertracking.grpc;

import java.time.Instant;
import java.util.Map;

import com.google.protobuf.Timestamp;
import com.rapport.support.error.Message;
import com.rapport.support.error.UnprocessableException;

/** Instants to and from {@code google.protobuf.Timestamp}, for this service's gRPC adapters. */
public final class ProtoTimes {

	/** 0001-01-01T00:00:00Z and 9999-12-31T23:59:59Z, the range of google.protobuf.Timestamp. */
	private static final long MIN_SECONDS = -62_135_596_800L;

	private static final long MAX_SECONDS = 253_402_300_799L;

	private ProtoTimes() {
	}

	public static Timestamp timestamp(Instant instant) {
		return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).setNanos(instant.getNano()).build();
	}

	/** A request's timestamp; one outside what protobuf allows (years 1 to 9999) is INVALID_ARGUMENT. */
	public static Instant instant(Timestamp timestamp) {
		if (timestamp.getSeconds() < MIN_SECONDS || timestamp.getSeconds() > MAX_SECONDS || timestamp.getNanos() < 0
				|| timestamp.getNanos() > 999_999_999) {
			throw new UnprocessableException(Message.of("orders.timestamp-out-of-range"), Map.of());
		}
		return Instant.ofEpochSecond(timestamp.getSeconds(), timestamp.getNanos());
	}
}
