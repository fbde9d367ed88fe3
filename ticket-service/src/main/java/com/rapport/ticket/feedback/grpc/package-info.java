/** feedback-service's {@code SurveyRequestService} as this service's {@code SurveyRequests}. */
package com.rapport.ticket.feedback.grpc;
