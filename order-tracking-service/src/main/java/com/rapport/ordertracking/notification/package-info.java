/**
 * Order changes told to the organisation's contacts as each chose (topics, email, quiet hours): the fan-out from the
 * order's pending notices to each contact's portal inbox and, once per address and change, to the email delivery
 * log, the sender that works the log, and the contacts' own inbox and notification preferences.
 */
package com.rapport.ordertracking.notification;
