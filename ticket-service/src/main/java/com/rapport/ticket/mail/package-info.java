/**
 * The email channel: the support mailbox read over IMAP (a known contact's mail opens a ticket, a reply lands on
 * its ticket, an unknown sender waits in the triage), and the mails a requester is owed (the acknowledgement of
 * their ticket, staff's public replies) sent by SMTP in the ticket's thread, in their language and time zone.
 */
package com.rapport.ticket.mail;
