/** The partner REST API of survey answers, {@code /api/feedback/v1/responses}: record, read, list. */
package com.rapport.feedback.response.web;
