/** The partner REST API of an organisation's figures, {@code /api/feedback/v1/customers/{customerId}/scores}. */
package com.rapport.feedback.score.web;
