/**
 * What customer-service's growth recompute reads of the survey answers (issue 16): the CSAT share and NPS of a page
 * of organisations in one read, instead of one call per organisation.
 */
package com.rapport.feedback.facts;
