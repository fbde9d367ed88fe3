package com.rapport.portal.portal;

import com.rapport.contracts.feedback.v1.ListMySurveysResponse;
import com.rapport.contracts.feedback.v1.SurveyAnswerResult;
import com.rapport.portal.remote.MySurveyClient;
import com.rapport.support.error.NotFoundException;
import com.rapport.support.error.UnprocessableException;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The contact's own surveys ({@code /portal/surveys}, "Surveys" in the header): the invitations still open (what
 * about, asked when, until when) with their scores to choose, and those answered with the score and comment given.
 * A score is posted (CSRF) and then, optionally, a comment; feedback-service decides whose invitation it is and
 * keeps the first answer. Answering twice, an expired invitation or one that is not the contact's gets the page
 * again with a notice that says so and that nothing was recorded.
 */
@Controller
@PreAuthorize("hasRole('customer')")
class SurveysController {

	private final MySurveyClient surveys;

	SurveysController(MySurveyClient surveys) {
		this.surveys = surveys;
	}

	@GetMapping("/portal/surveys")
	String list(@RequestParam(required = false) String answered, @RequestParam(required = false) String commented,
			Model model) {
		if (answered != null) {
			model.addAttribute("notice", "portal.surveys.answered");
			model.addAttribute("noticeKind", "saved");
			model.addAttribute("focus", answered);
		}
		else if (commented != null) {
			model.addAttribute("notice", "portal.surveys.commented");
			model.addAttribute("noticeKind", "saved");
		}
		return page(model);
	}

	@PostMapping("/portal/surveys/{invitationId}")
	String answer(@PathVariable String invitationId, @RequestParam(required = false) String score, Model model,
			HttpServletResponse response) {
		if (score == null || !score.matches("\\d{1,2}")) {
			return refused(model, response, HttpStatus.BAD_REQUEST, "portal.surveys.score-missing");
		}
		try {
			SurveyAnswerResult result = surveys.answer(invitationId, Integer.parseInt(score));
			return switch (result.getOutcome()) {
				case SURVEY_ANSWER_OUTCOME_RECORDED -> "redirect:/portal/surveys?answered=" + invitationId;
				case SURVEY_ANSWER_OUTCOME_EXPIRED -> refused(model, response, HttpStatus.GONE, "portal.surveys.expired");
				default -> refused(model, response, HttpStatus.CONFLICT, "portal.surveys.already-answered");
			};
		}
		catch (NotFoundException ex) {
			return refused(model, response, HttpStatus.NOT_FOUND, "portal.surveys.not-yours");
		}
		catch (UnprocessableException ex) {
			return refused(model, response, HttpStatus.UNPROCESSABLE_CONTENT, "portal.surveys.score-missing");
		}
	}

	@PostMapping("/portal/surveys/{invitationId}/comment")
	String comment(@PathVariable String invitationId, @RequestParam(defaultValue = "") String comment, Model model,
			HttpServletResponse response) {
		if (comment.isBlank()) {
			return refused(model, response, HttpStatus.UNPROCESSABLE_CONTENT, "portal.surveys.comment-empty");
		}
		try {
			SurveyAnswerResult result = surveys.comment(invitationId, comment);
			return switch (result.getOutcome()) {
				case SURVEY_ANSWER_OUTCOME_COMMENTED -> "redirect:/portal/surveys?commented";
				case SURVEY_ANSWER_OUTCOME_EXPIRED -> refused(model, response, HttpStatus.GONE, "portal.surveys.expired");
				default -> refused(model, response, HttpStatus.CONFLICT, "portal.surveys.already-commented");
			};
		}
		catch (NotFoundException ex) {
			return refused(model, response, HttpStatus.NOT_FOUND, "portal.surveys.not-yours");
		}
		catch (UnprocessableException ex) {
			return refused(model, response, HttpStatus.UNPROCESSABLE_CONTENT, "portal.surveys.comment-too-long");
		}
	}

	private String refused(Model model, HttpServletResponse response, HttpStatus status, String notice) {
		response.setStatus(status.value());
		model.addAttribute("notice", notice);
		model.addAttribute("noticeKind", "error");
		return page(model);
	}

	private String page(Model model) {
		ListMySurveysResponse mine = surveys.mySurveys();
		model.addAttribute("open", mine.getOpenList());
		model.addAttribute("answered", mine.getAnsweredList());
		return "portal/surveys";
	}
}
