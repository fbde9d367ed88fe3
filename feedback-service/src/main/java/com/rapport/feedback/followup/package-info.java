/** Acting on unhappy answers: the follow-up ticket a low score opens in ticket-service, through an outbox. */
package com.rapport.feedback.followup;
