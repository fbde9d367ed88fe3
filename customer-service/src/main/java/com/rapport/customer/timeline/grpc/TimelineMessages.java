package com.rapport.customer.timeline.grpc;

import java.time.Instant;
import java.util.List;

import com.google.protobuf.Timestamp;
import com.rapport.contracts.customer.v1.Interaction;
import com.rapport.contracts.customer.v1.InteractionKind;
import com.rapport.customer.organisation.grpc.OrganisationMessages;
import com.rapport.customer.timeline.InteractionInput;
import com.rapport.support.error.Message;
import com.rapport.support.error.UnprocessableException;

/** Timeline messages ⇄ domain. */
final class TimelineMessages {

	private static final String KIND_PREFIX = "INTERACTION_KIND_";

	private TimelineMessages() {
	}

	/** Unset fields become absent ones, which the timeline refuses or defaults. */
	static InteractionInput toInput(Interaction message) {
		return new InteractionInput(message.getSource(), message.getEventId(), message.getOrganisationId(),
				message.getKind() == InteractionKind.INTERACTION_KIND_UNSPECIFIED
						|| message.getKind() == InteractionKind.UNRECOGNIZED ? null : toDomain(message.getKind()),
				message.hasOccurredAt() ? toInstant(message.getOccurredAt()) : null, message.getSummary(),
				message.getReference(), message.getAttributesMap(),
				message.getSummaryCode().isBlank() ? null : message.getSummaryCode(), message.getSummaryArgsList());
	}

	/** The filter of a list request; an unspecified or unknown kind there is a caller's mistake. */
	static List<com.rapport.customer.timeline.InteractionKind> toFilter(List<InteractionKind> kinds) {
		return kinds.stream().map(kind -> {
			if (kind == InteractionKind.INTERACTION_KIND_UNSPECIFIED || kind == InteractionKind.UNRECOGNIZED) {
				throw UnprocessableException.field(Message.of("timeline.kind.unknown"), "kinds",
						Message.of("timeline.kinds.known-only"));
			}
			return toDomain(kind);
		}).toList();
	}

	static Interaction toProto(com.rapport.customer.timeline.Interaction interaction) {
		Interaction.Builder message = Interaction.newBuilder().setEventId(interaction.eventId())
			.setOrganisationId(interaction.organisationId())
			.setKind(InteractionKind.valueOf(KIND_PREFIX + interaction.kind().name()))
			.setSource(interaction.source()).setOccurredAt(OrganisationMessages.toTimestamp(interaction.occurredAt()))
			.putAllAttributes(interaction.attributes());
		if (interaction.summary() != null) {
			message.setSummary(interaction.summary());
		}
		if (interaction.reference() != null) {
			message.setReference(interaction.reference());
		}
		if (interaction.summaryCode() != null) {
			message.setSummaryCode(interaction.summaryCode()).addAllSummaryArgs(interaction.summaryArgs());
		}
		return message.build();
	}

	private static com.rapport.customer.timeline.InteractionKind toDomain(InteractionKind kind) {
		return com.rapport.customer.timeline.InteractionKind.valueOf(kind.name().substring(KIND_PREFIX.length()));
	}

	private static Instant toInstant(Timestamp timestamp) {
		return Instant.ofEpochSecond(timestamp.getSeconds(), timestamp.getNanos());
	}
}
