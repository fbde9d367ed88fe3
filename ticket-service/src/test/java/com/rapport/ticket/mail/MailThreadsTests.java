package com.rapport.ticket.mail;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MailThreadsTests {

	final MailThreads threads = new MailThreads("ticket-service.rapport");

	@Test
	void theIdsOfOurMailsNameTheirTicket() {
		assertThat(threads.ticketIdOf(threads.acknowledgement("mail-0a1b-2c3d"))).contains("mail-0a1b-2c3d");
		assertThat(threads.ticketIdOf(threads.reply("5f1e", "9a8b-7c6d"))).contains("5f1e");
		assertThat(threads.ticketIdOf(" <ticket.5f1e.ack@TICKET-SERVICE.rapport> ")).contains("5f1e");
	}

	@Test
	void anotherDomainsOrAnotherShapeOfIdNamesNoTicket() {
		assertThat(threads.ticketIdOf("<ticket.5f1e.ack@elsewhere.example>")).isEmpty();
		assertThat(threads.ticketIdOf("<first@acme-retail.example>")).isEmpty();
		assertThat(threads.ticketIdOf("<ticket.@ticket-service.rapport>")).isEmpty();
		assertThat(threads.ticketIdOf(null)).isEmpty();
	}

	@Test
	void aSubjectNamesATicketByItsNumberInBrackets() {
		assertThat(MailThreads.numberIn("Re: [T-1001] Chairs wobble")).contains("T-1001");
		assertThat(MailThreads.numberIn("AW: Re: [T-42]")).contains("T-42");
		assertThat(MailThreads.numberIn("About T-1001, no brackets")).isEmpty();
		assertThat(MailThreads.numberIn(null)).isEmpty();
	}
}
