package com.rapport.customer.timeline.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.rapport.customer.timeline.Interaction;
import com.rapport.customer.timeline.InteractionKind;
import com.rapport.customer.timeline.TimelineService;
import com.rapport.support.error.UnprocessableException;
import com.rapport.support.security.Caller;

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

	TimelineController(TimelineService timeline) {
		this.timeline = timeline;
	}

	/** Newest first; {@code kind} may repeat ({@code ?kind=ORDER_PLACED&kind=ORDER_DELAYED}), any case. */
	@GetMapping("/api/customers/v1/organisations/{id}/timeline")
	@PreAuthorize(STAFF)
	TimelinePage list(@PathVariable String id, @RequestParam(name = "kind", required = false) List<String> kind,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
		Page<Interaction> result = timeline.list(Caller.current(), id, kinds(kind), page, size);
		return new TimelinePage(result.getContent().stream().map(InteractionView::of).toList(), result.getNumber(),
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
				.orElseThrow(() -> new UnprocessableException("Unknown interaction kind.",
						Map.of("kind", "one of " + Arrays.toString(InteractionKind.values())))));
		}
		return kinds;
	}

	record TimelinePage(List<InteractionView> items, int page, int size, long total) {
	}

	record InteractionView(String eventId, String source, InteractionKind kind, Instant occurredAt, String summary,
			String reference, Map<String, String> attributes) {

		static InteractionView of(Interaction interaction) {
			return new InteractionView(interaction.eventId(), interaction.source(), interaction.kind(),
					interaction.occurredAt(), interaction.summary(), interaction.reference(),
					interaction.attributes());
		}
	}
}
