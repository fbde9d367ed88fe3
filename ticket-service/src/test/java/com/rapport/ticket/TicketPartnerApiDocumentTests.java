package com.rapport.ticket;

import java.util.List;

import com.rapport.support.test.FixedClock;
import com.rapport.support.test.TestTokens;
import com.rapport.support.test.openapi.PartnerApiDocumentContract;
import com.rapport.ticket.customer.CustomerDirectory;
import com.rapport.ticket.sla.Tier;
import com.rapport.ticket.ticket.TicketRepository;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import static org.mockito.BDDMockito.given;

@SpringBootTest(properties = { "rapport.mongodb.embedded.in-memory=true", "spring.grpc.server.port=0",
		"spring.grpc.server.inprocess.name=ticket-service-openapi" })
@AutoConfigureMockMvc
@Import({ TestTokens.DecoderConfiguration.class, FixedClock.class })
class TicketPartnerApiDocumentTests extends PartnerApiDocumentContract {

	@Autowired
	TicketRepository tickets;

	@MockitoBean
	CustomerDirectory customers;

	@Override
	protected String documentName() {
		return "tickets-v1";
	}

	@Override
	protected List<String> replayOrder() {
		return List.of("openTicket", "listTickets", "getTicket", "replyToTicket", "uploadTicketAttachment",
				"downloadTicketAttachment");
	}

	@Override
	protected void prepareExamples() {
		tickets.deleteAll();
		given(customers.tierOf("acme-retail")).willReturn(Tier.KEY);
	}

	/** The example's ticket id is made when openTicket opens it, its file's when uploadTicketAttachment sends it. */
	@Override
	protected String pathValue(String operationId, String name, String example) {
		if (name.equals("attachmentId")) {
			return tickets.findAll().get(0).messages().stream().flatMap(m -> m.attachments().stream()).findFirst()
				.orElseThrow().id();
		}
		return name.equals("id") ? tickets.findAll().get(0).id() : example;
	}
}
