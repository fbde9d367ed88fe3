package com.rapport.ticket.assignment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.rapport.support.error.ConflictException;
import com.rapport.support.error.Message;
import com.rapport.support.error.NotFoundException;
import com.rapport.support.error.UnprocessableException;
import com.rapport.support.security.Caller;
import com.rapport.ticket.ticket.TicketView;
import com.rapport.ticket.ticket.TicketWorkflow;

import org.springframework.stereotype.Service;
import org.springframework.validation.Errors;
import org.springframework.validation.MapBindingResult;

/**
 * Assigns several tickets to one agent at once (staff, from the console's queue): each exactly as
 * {@link TicketWorkflow#assign} assigns one (audited, a reassignment needs the reason, kept as a note), each
 * ticket's outcome answered; one that cannot be assigned does not stop the others.
 */
@Service
public class BulkAssignment {

	static final int MAX_TICKETS = 100;

	static final int MAX_REASON = 500;

	private final TicketWorkflow workflow;

	BulkAssignment(TicketWorkflow workflow) {
		this.workflow = workflow;
	}

	/** One ticket's outcome: assigned, else why not ({@code reason} with its bad fields). */
	public record Result(String ticketId, String number, boolean assigned, Message reason,
			Map<String, Message> fields) {
	}

	public List<Result> assign(Caller caller, List<String> ticketIds, String assigneeId, String assigneeName,
			String reason) {
		SupportTeams.requireStaff(caller);
		Errors errors = new MapBindingResult(new LinkedHashMap<>(), "bulk");
		List<String> ids = ticketIds == null ? List.of()
				: ticketIds.stream().filter(id -> id != null && !id.isBlank()).map(String::strip).distinct().toList();
		if (ids.isEmpty()) {
			errors.rejectValue("ticketIds", "field.required");
		}
		else if (ids.size() > MAX_TICKETS) {
			errors.rejectValue("ticketIds", "assignment.bulk.too-many", new Object[] { MAX_TICKETS }, null);
		}
		if (assigneeId == null || assigneeId.isBlank()) {
			errors.rejectValue("assigneeId", "field.required");
		}
		if (reason != null && reason.strip().length() > MAX_REASON) {
			errors.rejectValue("reason", "field.too-long", new Object[] { MAX_REASON }, null);
		}
		UnprocessableException.throwIfAny(Message.of("ticket.cannot-bulk-assign"), errors);
		List<Result> results = new ArrayList<>();
		for (String id : ids) {
			try {
				TicketView view = workflow.assign(caller, id, assigneeId.strip(), assigneeName, reason);
				results.add(new Result(id, view.ticket().number(), true, null, Map.of()));
			}
			catch (UnprocessableException ex) {
				results.add(new Result(id, null, false, orDefault(ex.reason()), ex.fieldMessages()));
			}
			catch (NotFoundException ex) {
				results.add(new Result(id, null, false, ex.reason() != null ? ex.reason()
						: Message.of("ticket.not-found", id), Map.of()));
			}
			catch (ConflictException ex) {
				results.add(new Result(id, null, false, orDefault(ex.reason()), Map.of()));
			}
		}
		return results;
	}

	private static Message orDefault(Message reason) {
		return reason != null ? reason : Message.of("ticket.cannot-assign");
	}
}
