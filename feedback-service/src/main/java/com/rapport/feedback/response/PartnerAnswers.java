package com.rapport.feedback.response;

import java.util.Locale;
import java.util.Map;

import com.rapport.support.audit.AuditTrail;
import com.rapport.support.error.Message;
import com.rapport.support.error.NotFoundException;
import com.rapport.support.error.UnprocessableException;
import com.rapport.support.security.Caller;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;

/**
 * Answers as partner systems send and read them ({@code /api/feedback/v1}): the supplier's own systems, which
 * collected an answer elsewhere (a call centre, a trade fair's tablet) or read them all. Recording goes through
 * {@link ResponseService} (stored once by response id; an unhappy answer owes its follow-up as any other), and
 * what a partner stores is audited as that partner.
 */
@Service
public class PartnerAnswers {

	public static final int MAX_PAGE_SIZE = 100;

	private final ResponseService responses;

	private final SurveyResponseRepository repository;

	private final AuditTrail audit;

	PartnerAnswers(ResponseService responses, SurveyResponseRepository repository, AuditTrail audit) {
		this.responses = responses;
		this.repository = repository;
		this.audit = audit;
	}

	/** Stores the answer once; the same response id again answers the stored one ({@code created} false). */
	public ResponseService.Recorded record(Caller caller, NewResponse answer) {
		ResponseService.Recorded recorded = responses.record(answer);
		if (recorded.created()) {
			SurveyResponse stored = recorded.response();
			audit.record(caller, "feedback.answer-recorded", "survey-response", stored.id(), stored.customerId(),
					Map.of("kind", stored.kind().name(), "score", String.valueOf(stored.score())));
		}
		return recorded;
	}

	/** One answer by its response id. */
	public SurveyResponse get(String id) {
		return repository.findById(id == null ? "" : id.strip())
			.orElseThrow(() -> new NotFoundException(Message.of("feedback.answer-not-found", id)));
	}

	/**
	 * A page of answers, newest first: of one organisation ({@code customerId}) or of all, of one survey kind or
	 * of all (each combination read in the order of an index).
	 */
	public Page<SurveyResponse> list(String customerId, String kind, int page, int size) {
		if (page < 0) {
			throw UnprocessableException.field(Message.of("feedback.cannot-list"), "page", Message.of("field.not-negative"));
		}
		if (size < 1 || size > MAX_PAGE_SIZE) {
			throw UnprocessableException.field(Message.of("feedback.cannot-list"), "size",
					Message.of("feedback.page-size.range", MAX_PAGE_SIZE));
		}
		SurveyKind surveyKind = null;
		if (kind != null && !kind.isBlank()) {
			try {
				surveyKind = SurveyKind.valueOf(kind.strip().toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException ex) {
				throw UnprocessableException.field(Message.of("feedback.cannot-list"), "kind",
						Message.of("field.unknown-choice", kind.strip(), "CSAT, NPS, CES"));
			}
		}
		PageRequest request = PageRequest.of(page, size);
		String organisation = customerId == null || customerId.isBlank() ? null : customerId.strip();
		if (organisation == null) {
			return surveyKind == null ? repository.findAllByOrderByAnsweredAtDescIdDesc(request)
					: repository.findByKindOrderByAnsweredAtDescIdDesc(surveyKind, request);
		}
		return surveyKind == null ? repository.findByCustomerIdOrderByAnsweredAtDescIdDesc(organisation, request)
				: repository.findByCustomerIdAndKindOrderByAnsweredAtDescIdDesc(organisation, surveyKind, request);
	}
}
