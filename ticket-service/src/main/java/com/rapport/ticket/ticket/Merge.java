package com.rapport.ticket.ticket;

import java.time.Instant;

/**
 * A duplicate's merge into the ticket that goes on ({@code intoId}, {@code intoNumber}), when and by whom (a staff
 * member's user name and name).
 */
public record Merge(String intoId, String intoNumber, Instant at, String byId, String byName) {
}
