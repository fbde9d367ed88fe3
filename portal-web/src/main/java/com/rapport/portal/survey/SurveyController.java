package com.rapport.portal.survey;

import java.util.Locale;

import com.rapport.contracts.feedback.v1.SurveyAnswerOutcome;
import com.rapport.contracts.feedback.v1.SurveyAnswerResult;
import com.rapport.portal.remote.SurveyClient;
import com.rapport.support.error.UnprocessableException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.LocaleResolver;

/**
 * {@code /survey/<token>?score=n}: the score (of the survey's scale: CSAT 1-5, CES 1-7) clicked in the invitation mail is stored and a thank-you page offers
 * the optional comment ({@code POST /survey/<token>/comment}, with the CSRF token the gateway checks). A second
 * answer, an expired link or a forged one gets a page that says so and stores nothing. The page speaks the
 * contact's language when the link is ours, else the reader's. Public: the gateway and this application let
 * {@code /survey/**} through without a login.
 */
@Controller
class SurveyController {

	private final SurveyClient surveys;

	private final LocaleResolver locales;

	SurveyController(SurveyClient surveys, LocaleResolver locales) {
		this.surveys = surveys;
		this.locales = locales;
	}

	@GetMapping("/survey/{token}")
	String answer(@PathVariable String token, @RequestParam(required = false) String score, Model model,
			HttpServletRequest request, HttpServletResponse response) {
		Integer chosen = parse(score);
		if (chosen == null) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("state", "score-invalid");
			return "survey/answer";
		}
		try {
			return show(surveys.answer(token, chosen), token, model, request, response);
		}
		catch (UnprocessableException ex) {
			// Off the survey's scale (CSAT 1-5, CES 1-7, NPS 0-10): feedback-service knows which survey it is.
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("state", "score-invalid");
			return "survey/answer";
		}
	}

	@PostMapping("/survey/{token}/comment")
	String comment(@PathVariable String token, @RequestParam(defaultValue = "") String comment, Model model,
			HttpServletRequest request, HttpServletResponse response) {
		return show(surveys.comment(token, comment), token, model, request, response);
	}

	private String show(SurveyAnswerResult result, String token, Model model, HttpServletRequest request,
			HttpServletResponse response) {
		if (!result.getLanguage().isEmpty()) {
			locales.setLocale(request, response, Locale.forLanguageTag(result.getLanguage()));
		}
		String state = state(result.getOutcome());
		if ("invalid".equals(state) || "expired".equals(state)) {
			response.setStatus(HttpStatus.GONE.value());
		}
		else if ("already-answered".equals(state)) {
			response.setStatus(HttpStatus.CONFLICT.value());
		}
		model.addAttribute("state", state);
		model.addAttribute("score", result.getScore());
		model.addAttribute("subject", result.getSubjectLabel());
		model.addAttribute("kind", result.getKind().isEmpty() ? "csat" : result.getKind().toLowerCase(Locale.ROOT));
		model.addAttribute("token", token);
		// The survey's question as the managers worded it (feedback-service's templates), in the page's language.
		boolean chinese = result.getLanguage().isEmpty()
				? "zh".equals(LocaleContextHolder.getLocale().getLanguage()) : result.getLanguage().startsWith("zh");
		String question = chinese ? result.getQuestion().getZhCn() : result.getQuestion().getEn();
		model.addAttribute("question", question.isEmpty() ? null : question);
		return "survey/answer";
	}

	private static String state(SurveyAnswerOutcome outcome) {
		return switch (outcome) {
			case SURVEY_ANSWER_OUTCOME_RECORDED -> "recorded";
			case SURVEY_ANSWER_OUTCOME_COMMENTED -> "commented";
			case SURVEY_ANSWER_OUTCOME_ALREADY_ANSWERED -> "already-answered";
			case SURVEY_ANSWER_OUTCOME_EXPIRED -> "expired";
			default -> "invalid";
		};
	}

	private static Integer parse(String score) {
		if (score == null || !score.matches("\\d{1,2}")) {
			return null;
		}
		return Integer.valueOf(score);
	}
}
