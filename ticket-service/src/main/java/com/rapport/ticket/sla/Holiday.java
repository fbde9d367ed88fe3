package com.rapport.ticket.sla;

import java.time.LocalDate;

/** A public holiday of a {@link BusinessCalendar}: no working time that day; named in Chinese and English. */
public record Holiday(LocalDate date, String nameZh, String nameEn) {
}
