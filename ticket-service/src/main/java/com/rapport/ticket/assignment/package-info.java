/**
 * Who works tickets: support teams with their agents (skills, open-ticket caps, availability), kept by managers;
 * automatic assignment inside a team (a VIP organisation's account manager first, else round-robin over the agents
 * who can take the ticket), safe at two replicas by conditional updates; and bulk assignment from the queue.
 */
package com.rapport.ticket.assignment;
