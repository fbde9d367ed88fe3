/**
 * Asking contacts for feedback: survey requests from other services, the invitations they make (consent, minimum
 * interval, once per subject), the invitation mail with its signed, expiring, single-use link, and the answer
 * given through that link.
 */
package com.rapport.feedback.invitation;
