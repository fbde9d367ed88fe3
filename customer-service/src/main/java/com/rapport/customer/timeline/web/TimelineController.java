package com.rapport.customer.timeline.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.rapport.customer.timeline.Interaction;
import com.rapport.customer.timeline.InteractionKind;
import com.rapport.customer.timeline.TimelineService;
import com.rapport.support.error.Message;
import com.rapport.support.error.UnprocessableException;
import com.rapport.support.message.Texts;
import com.rapport.support.security.Caller;

import org.springframework.context.MessageSource;
import org.springframework.data.domain.Page;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Staff only: the timeline is the console's view; services read it over gRPC, customers not at all. */
@RestController
class TimelineController {

	static final String STAFF = "hasAnyRole('agent', 'manager', 'admin')";

	private final TimelineService timeline;

	private final Texts texts;

	TimelineController(TimelineService timeline, MessageSource messages) {
		this.texts = new Texts(messages);
		this.timeline = timeline;
	}

	/** Newest first; {@code kind} may repeat ({@code ?kind=ORDER_PLACED&kind=ORDER_DELAYED}), any case. */
	@GetMapping("/api/customers/v1/organisations/{id}/timeline")
	@PreAuthorize(STAFF)
	TimelinePage list(@PathVariable String id, @RequestParam(name = "kind", required = false) List<String> kind,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
		Page<Interaction> result = timeline.list(Caller.current(), id, kinds(kind), page, size);
		return new TimelinePage(result.getContent().stream().map(i -> InteractionView.of(i, texts)).toList(), result.getNumber(),
				result.getSize(), result.getTotalElements());
	}

	/** An unknown kind is a 422 naming the accepted ones, like any other bad field. */
	private static List<InteractionKind> kinds(List<String> names) {
		List<InteractionKind> kinds = new ArrayList<>();
		if (names == null) {
			return kinds;
		}
		for (String name : names) {
			kinds.add(InteractionKind.parse(name)
				.orElseThrow(() -> UnprocessableException.field(Message.of("timeline.kind.unknown"), "kind",
						Message.of("field.unknown-choice", name, Arrays.toString(InteractionKind.values())))));
		}
		return kinds;
	}

	record TimelinePage(List<InteractionView> items, int page, int size, long total) {
	}

	/**
	 * {@code summary} in the request's language (Accept-Language); {@code summaryCode} and {@code summaryArgs}
	 * as stored (null and empty for an entry that has only words).
	 */
	record InteractionView(String eventId, String source, InteractionKind kind, Instant occurredAt, String summary,
			String reference, Map<String, String> attributes, String summaryCode, List<String> summaryArgs) {

		static InteractionView of(Interaction interaction, Texts texts) {
			String code = interaction.summaryCode() == null || interaction.summaryCode().isBlank() ? null
					: interaction.summaryCode();
			return new InteractionView(interaction.eventId(), interaction.source(), interaction.kind(),
					interaction.occurredAt(), texts.line(code, interaction.summaryArgs(), interaction.summary()),
					interaction.reference(), interaction.attributes(), code, interaction.summaryArgs());
		}
	}
}
