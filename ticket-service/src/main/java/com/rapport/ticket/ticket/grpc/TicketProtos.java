package com.rapport.ticket.ticket.grpc;

import java.time.Instant;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.google.protobuf.ProtocolMessageEnum;
import com.google.protobuf.Timestamp;
import com.rapport.contracts.ticket.v1.ComplaintSeverity;
import com.rapport.contracts.ticket.v1.SlaState;
import com.rapport.contracts.ticket.v1.SlaTier;
import com.rapport.contracts.ticket.v1.Ticket;
import com.rapport.contracts.ticket.v1.TicketAuthorKind;
import com.rapport.contracts.ticket.v1.TicketCategory;
import com.rapport.contracts.ticket.v1.TicketChannel;
import com.rapport.contracts.ticket.v1.TicketDetail;
import com.rapport.contracts.ticket.v1.TicketKind;
import com.rapport.contracts.ticket.v1.TicketMessage;
import com.rapport.contracts.ticket.v1.TicketPriority;
import com.rapport.contracts.ticket.v1.TicketStatus;
import com.rapport.contracts.ticket.v1.TicketTransition;
import com.rapport.ticket.ticket.OpenTickets;
import com.rapport.ticket.ticket.TicketView;

/**
 * Tickets between the domain and {@code rapport.ticket.v1}: enum values by name (proto {@code PREFIX_NAME},
 * domain {@code NAME}); an unset proto value is null, an unknown one a bad argument.
 */
final class TicketProtos {

	private TicketProtos() {
	}

	static TicketDetail detail(TicketView view) {
		TicketDetail.Builder detail = TicketDetail.newBuilder()
			.setTicket(ticket(new OpenTickets.OpenTicket(view.ticket(), view.slaState()), view.requesterVisible()))
			.setCanReply(view.canReply());
		view.messages().forEach(message -> detail.addMessages(message(message)));
		view.allowedTransitions()
			.forEach(t -> detail.addAllowedTransitions(TicketTransition.valueOf("TICKET_TRANSITION_" + t.name())));
		view.commitments().forEach(c -> detail.addCommitments(commitment(c, view.staffView(), view.asOf())));
		return detail.build();
	}

	/**
	 * A commitment as the caller may see it: staff everything; anyone else what was promised, by whom (the name
	 * shown) and by when, whether it is open and broken, never who made it, the owner's user name, the reminder
	 * or a cancellation.
	 */
	static com.rapport.contracts.ticket.v1.Commitment commitment(com.rapport.ticket.ticket.Commitment commitment,
			boolean staff, Instant asOf) {
		var proto = com.rapport.contracts.ticket.v1.Commitment.newBuilder().setId(commitment.id())
			.setKind(com.rapport.contracts.ticket.v1.CommitmentKind.valueOf("COMMITMENT_KIND_" + commitment.kind().name()))
			.setWhat(commitment.what()).setOwnerName(orEmpty(commitment.ownerName()))
			.setDueAt(timestamp(commitment.dueAt()))
			.setStatus(com.rapport.contracts.ticket.v1.CommitmentStatus
				.valueOf("COMMITMENT_STATUS_" + commitment.status().name()))
			.setBroken(commitment.brokenAt(asOf));
		if (staff) {
			proto.setOwnerId(orEmpty(commitment.ownerId())).setMadeAt(timestamp(commitment.madeAt()))
				.setMadeByName(orEmpty(commitment.madeByName()));
			if (commitment.keptAt() != null) {
				proto.setKeptAt(timestamp(commitment.keptAt()));
			}
			if (commitment.cancelledAt() != null) {
				proto.setCancelledAt(timestamp(commitment.cancelledAt()))
					.setCancelReason(orEmpty(commitment.cancelReason()));
			}
			if (commitment.remindedAt() != null) {
				proto.setRemindedAt(timestamp(commitment.remindedAt()));
			}
		}
		return proto.build();
	}

	static TicketMessage message(com.rapport.ticket.ticket.TicketMessage message) {
		return TicketMessage.newBuilder().setId(message.id())
			.setAuthorKind(TicketAuthorKind.valueOf("TICKET_AUTHOR_KIND_" + message.authorKind().name()))
			.setAuthorName(orEmpty(message.authorName())).setInternal(message.internal()).setBody(message.body())
			.setAt(timestamp(message.at()))
			.addAllAttachments(message.attachments().stream().map(TicketProtos::attachment).toList()).build();
	}

	static com.rapport.contracts.ticket.v1.TicketAttachment attachment(
			com.rapport.ticket.attachment.Attachment attachment) {
		return com.rapport.contracts.ticket.v1.TicketAttachment.newBuilder().setId(attachment.id())
			.setFileName(attachment.fileName()).setContentType(attachment.contentType()).setSize(attachment.size())
			.build();
	}

	/** The files sent with a message, as the adapters read them. */
	static java.util.List<com.rapport.ticket.attachment.AttachmentUpload> uploads(
			java.util.List<com.rapport.contracts.ticket.v1.AttachmentUpload> files) {
		return files.stream().map(file -> new com.rapport.ticket.attachment.AttachmentUpload(file.getFileName(),
				file.getContent().toByteArray())).toList();
	}

	static Ticket ticket(OpenTickets.OpenTicket open, boolean requesterVisible) {
		var ticket = open.ticket();
		Ticket.Builder builder = Ticket.newBuilder().setId(ticket.id()).setNumber(ticket.number())
			.setCustomerId(ticket.customerId()).setSubject(ticket.subject())
			.setKind(TicketKind.valueOf("TICKET_KIND_" + ticket.kind().name()))
			.setPriority(TicketPriority.valueOf("TICKET_PRIORITY_" + ticket.priority().name()))
			.setStatus(TicketStatus.valueOf("TICKET_STATUS_" + ticket.status().name()))
			.setChannel(TicketChannel.valueOf("TICKET_CHANNEL_" + ticket.channel().name()))
			.setOpenedAt(timestamp(ticket.openedAt()))
			.setTier(SlaTier.valueOf("SLA_TIER_" + ticket.tier().name())).setTierAssumed(ticket.tierAssumed())
			.setFirstResponseDue(timestamp(ticket.sla().firstResponseDue()))
			.setResolutionDue(timestamp(ticket.sla().resolutionDue()))
			.setSlaState(SlaState.valueOf("SLA_STATE_" + open.state().name()))
			.setAssignee(orEmpty(ticket.assignee())).setAssigneeId(orEmpty(ticket.assigneeId()))
			.setRequesterErased(ticket.requester().erased())
			.setFirstContactResolution(ticket.firstContactResolution())
			.setUpdatedAt(timestamp(ticket.lastChangedAt()));
		if (ticket.firstRespondedAt() != null) {
			builder.setFirstRespondedAt(timestamp(ticket.firstRespondedAt()));
		}
		if (ticket.resolvedAt() != null) {
			builder.setResolvedAt(timestamp(ticket.resolvedAt()));
		}
		if (ticket.closedAt() != null) {
			builder.setClosedAt(timestamp(ticket.closedAt()));
		}
		if (ticket.sla().nextReplyDue() != null) {
			builder.setNextReplyDue(timestamp(ticket.sla().nextReplyDue()));
		}
		builder.setSlaCalendarId(orEmpty(ticket.sla().calendarId()));
		if (ticket.merge() != null) {
			builder.setMergedIntoId(ticket.merge().intoId()).setMergedIntoNumber(ticket.merge().intoNumber());
		}
		if (ticket.queue().slaDueAt() != null) {
			builder.setSlaDueAt(timestamp(ticket.queue().slaDueAt()))
				.setSlaAtRiskAt(timestamp(ticket.queue().slaAtRiskAt()));
		}
		if (open.workingTimeLeft() != null) {
			builder.setSlaWorkingTimeLeft(com.google.protobuf.Duration.newBuilder()
				.setSeconds(open.workingTimeLeft().toSeconds()))
				.setSlaCounting(Boolean.TRUE.equals(open.counting()));
		}
		var about = ticket.classification();
		if (about != null) {
			if (about.category() != null) {
				builder.setCategory(TicketCategory.valueOf("TICKET_CATEGORY_" + about.category().name()));
			}
			if (about.severity() != null) {
				builder.setSeverity(ComplaintSeverity.valueOf("COMPLAINT_SEVERITY_" + about.severity().name()));
			}
			if (about.suggestedPriority() != null) {
				builder.setSuggestedPriority(TicketPriority.valueOf("TICKET_PRIORITY_" + about.suggestedPriority().name()));
			}
			builder.setOrderNumber(orEmpty(about.orderNumber()));
		}
		if (requesterVisible) {
			for (com.rapport.ticket.ticket.Escalation escalation : ticket.escalations()) {
				builder.addEscalations(com.rapport.contracts.ticket.v1.TicketEscalation.newBuilder()
					.setKind(com.rapport.contracts.ticket.v1.TicketEscalationKind
						.valueOf("TICKET_ESCALATION_KIND_" + escalation.kind().name()))
					.setAt(timestamp(escalation.at()))
					.setFromPriority(TicketPriority.valueOf("TICKET_PRIORITY_" + escalation.fromPriority().name()))
					.setToPriority(TicketPriority.valueOf("TICKET_PRIORITY_" + escalation.toPriority().name()))
					.setMailed(escalation.mailedAt() != null));
			}
			builder.setRequesterName(orEmpty(ticket.requester().name()))
				.setRequesterEmail(orEmpty(ticket.requester().email()));
		}
		return builder.build();
	}

	/**
	 * The domain value named like the proto one without its prefix; null for UNSPECIFIED; an unknown number
	 * (UNRECOGNIZED) is a request that cannot be read.
	 */
	static <E extends Enum<E>> E domain(ProtocolMessageEnum value, Class<E> type, String field) {
		String name = ((Enum<?>) value).name();
		if (name.endsWith("_UNSPECIFIED")) {
			return null;
		}
		if (name.equals("UNRECOGNIZED")) {
			throw new IllegalArgumentException("Unknown value of " + field);
		}
		String prefix = switch (type.getSimpleName()) {
			case "TicketKind" -> "TICKET_KIND_";
			case "Category" -> "TICKET_CATEGORY_";
			case "Severity" -> "COMPLAINT_SEVERITY_";
			case "Priority" -> "TICKET_PRIORITY_";
			case "Channel" -> "TICKET_CHANNEL_";
			case "Transition" -> "TICKET_TRANSITION_";
			case "TicketStatus" -> "TICKET_STATUS_";
			case "SlaState" -> "SLA_STATE_";
			case "Tier" -> "SLA_TIER_";
			case "Kind" -> "COMMITMENT_KIND_";
			default -> throw new IllegalStateException("No proto enum for " + type);
		};
		return Enum.valueOf(type, name.substring(prefix.length()));
	}

	static <P extends ProtocolMessageEnum, E extends Enum<E>> Set<E> domain(java.util.List<P> values, Class<E> type,
			String field) {
		Function<P, E> one = value -> domain(value, type, field);
		return values.stream().map(one).filter(java.util.Objects::nonNull).collect(Collectors.toSet());
	}

	static String orEmpty(String value) {
		return value == null ? "" : value;
	}

	static Timestamp timestamp(Instant instant) {
		return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).setNanos(instant.getNano()).build();
	}
}
