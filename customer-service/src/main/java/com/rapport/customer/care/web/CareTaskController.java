package com.rapport.customer.care.web;

import java.time.Instant;
import java.util.List;

import com.rapport.customer.care.CareTask;
import com.rapport.customer.care.CareTaskService;
import com.rapport.support.security.Caller;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Staff only: the console's list of open care tasks, read-only. */
@RestController
class CareTaskController {

	static final String STAFF = "hasAnyRole('agent', 'manager', 'admin')";

	static final String MANAGERS = "hasAnyRole('manager', 'admin')";

	private final CareTaskService tasks;

	CareTaskController(CareTaskService tasks) {
		this.tasks = tasks;
	}

	@GetMapping("/api/customers/v1/care-tasks")
	@PreAuthorize(STAFF)
	CareTaskList open(@RequestParam(required = false) String assignee) {
		return new CareTaskList(tasks.open(Caller.current(), assignee).stream().map(CareTaskView::of).toList());
	}

	record CareTaskList(List<CareTaskView> items) {
	}

	record CareTaskView(String id, String organisationId, String assignee, String kind, String summary,
			Instant createdAt, boolean open) {

		static CareTaskView of(CareTask t) {
			return new CareTaskView(t.id(), t.organisationId(), t.assignee(), t.kind().name(), t.summary(),
					t.createdAt(), t.open());
		}
	}
}
