package com.rapport.customer.care;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.rapport.customer.organisation.Organisation;
import com.rapport.customer.organisation.CustomerAccess;
import com.rapport.support.security.Caller;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/** Opens care tasks when something calls for one, and lists the open ones for staff. */
@Service
public class CareTaskService {

	private static final Logger log = LoggerFactory.getLogger(CareTaskService.class);

	static final int MAX_LISTED = 200;

	private final CareTaskRepository tasks;

	public CareTaskService(CareTaskRepository tasks) {
		this.tasks = tasks;
	}

	/**
	 * A wake-up call for the organisation's account manager, unless one is open already. The id names the
	 * organisation and the day, so two replicas or a repeated run open it once.
	 * @return whether a task was opened now
	 */
	public boolean openWakeUpCall(Organisation organisation, Instant now) {
		if (tasks.existsByOrganisationIdAndKindAndOpenTrue(organisation.id(), CareTaskKind.WAKE_UP_CALL)) {
			return false;
		}
		String id = "wake-up-call:" + organisation.id() + ":" + now.atZone(ZoneOffset.UTC).toLocalDate();
		try {
			tasks.insert(new CareTask(id, organisation.id(), organisation.accountManager(), CareTaskKind.WAKE_UP_CALL,
					"Wake-up call: " + organisation.name() + " has gone dormant",
					now.truncatedTo(ChronoUnit.MILLIS), true));
			return true;
		}
		catch (DuplicateKeyException ex) {
			log.debug("Wake-up call {} opened meanwhile", id);
			return false;
		}
	}

	/**
	 * Closes the organisation's open wake-up calls: it has ordered again, so nobody needs to call. This also
	 * settles a task opened while old orders were still arriving in order of placement (a backfill).
	 * @return how many were closed
	 */
	public int closeWakeUpCalls(String organisationId) {
		List<CareTask> open = tasks.findByOrganisationIdAndKindAndOpenTrue(organisationId, CareTaskKind.WAKE_UP_CALL);
		open.forEach(t -> tasks.save(new CareTask(t.id(), t.organisationId(), t.assignee(), t.kind(), t.summary(),
				t.createdAt(), false)));
		return open.size();
	}

	/**
	 * A churn-risk call for the organisation's account manager with the reasons in {@code summary}; one open
	 * already gets the reasons as they are now. Its id names the organisation and the day, so two replicas or runs
	 * open it once.
	 * @return whether a task was opened now
	 */
	public boolean openChurnRiskCall(Organisation organisation, String summary, Instant now) {
		List<CareTask> open = tasks.findByOrganisationIdAndKindAndOpenTrue(organisation.id(), CareTaskKind.CHURN_RISK);
		if (!open.isEmpty()) {
			open.stream().filter(t -> !summary.equals(t.summary())).forEach(t -> tasks.save(new CareTask(t.id(),
					t.organisationId(), t.assignee(), t.kind(), summary, t.createdAt(), true)));
			return false;
		}
		String id = "churn-risk:" + organisation.id() + ":" + now.atZone(ZoneOffset.UTC).toLocalDate();
		try {
			tasks.insert(new CareTask(id, organisation.id(), organisation.accountManager(), CareTaskKind.CHURN_RISK,
					summary, now.truncatedTo(ChronoUnit.MILLIS), true));
			return true;
		}
		catch (DuplicateKeyException ex) {
			log.debug("Churn-risk call {} opened meanwhile", id);
			return false;
		}
	}

	/**
	 * A reminder for the account manager that a regular buyer is due to order a product again. {@code id} names the
	 * organisation, the product and its expected date, so each expected reorder is one task, however often the
	 * figures are recomputed.
	 * @return whether a task was opened now
	 */
	public boolean openReorderCall(Organisation organisation, String id, String summary, Instant now) {
		if (tasks.existsById(id)) {
			return false;
		}
		try {
			tasks.insert(new CareTask(id, organisation.id(), organisation.accountManager(), CareTaskKind.REORDER_DUE,
					summary, now.truncatedTo(ChronoUnit.MILLIS), true));
			return true;
		}
		catch (DuplicateKeyException ex) {
			log.debug("Reorder call {} opened meanwhile", id);
			return false;
		}
	}

	/**
	 * A reward to fulfil for the organisation's account manager (the loyalty programme's redemption); {@code id}
	 * names the redemption, so one redemption is one task.
	 * @return whether a task was opened now
	 */
	public boolean openRedemptionTask(Organisation organisation, String id, String summary, Instant now) {
		try {
			tasks.insert(new CareTask(id, organisation.id(), organisation.accountManager(),
					CareTaskKind.LOYALTY_REDEMPTION, summary, now.truncatedTo(ChronoUnit.MILLIS), true));
			return true;
		}
		catch (DuplicateKeyException ex) {
			log.debug("Redemption task {} opened meanwhile", id);
			return false;
		}
	}

	/** Closes the organisation's open churn-risk calls: its risk fell below the threshold. */
	public int closeChurnRiskCalls(String organisationId) {
		List<CareTask> open = tasks.findByOrganisationIdAndKindAndOpenTrue(organisationId, CareTaskKind.CHURN_RISK);
		open.forEach(t -> tasks.save(new CareTask(t.id(), t.organisationId(), t.assignee(), t.kind(), t.summary(),
				t.createdAt(), false)));
		return open.size();
	}

	/** Open tasks, newest first (at most {@value #MAX_LISTED}); only the assignee's when given. Staff only. */
	public List<CareTask> open(Caller caller, String assignee) {
		if (!CustomerAccess.isStaff(caller)) {
			throw new AccessDeniedException("Care tasks are for staff");
		}
		PageRequest first = PageRequest.of(0, MAX_LISTED);
		return assignee == null || assignee.isBlank() ? tasks.findByOpenTrueOrderByCreatedAtDesc(first)
				: tasks.findByOpenTrueAndAssigneeOrderByCreatedAtDesc(assignee.strip(), first);
	}
}
