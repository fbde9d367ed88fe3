package com.rapport.ticket;

import com.rapport.support.test.FixedClock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.rapport.support.test.TestTokens;
import com.rapport.support.test.matrix.GrpcOnlyMatrixContract;
import com.rapport.support.test.matrix.Caller;
import com.rapport.ticket.customer.CustomerDirectory;
import com.rapport.ticket.sla.SlaProperties;
import com.rapport.ticket.sla.Tier;
import com.rapport.ticket.ticket.Channel;
import com.rapport.ticket.ticket.Priority;
import com.rapport.ticket.ticket.Requester;
import com.rapport.ticket.ticket.Ticket;
import com.rapport.ticket.ticket.TicketKind;
import com.rapport.ticket.ticket.TicketRepository;
import com.rapport.ticket.ticket.TicketStatus;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/** Who gets what from ticket-service: the rows of authorization-matrix.txt, probed with a ticket of organisation A. */
@SpringBootTest(properties = { "rapport.mongodb.embedded.in-memory=true", "spring.grpc.server.port=0",
		"spring.grpc.server.inprocess.name=ticket-service-matrix" })
@AutoConfigureMockMvc
@Import({ TestTokens.DecoderConfiguration.class, FixedClock.class })
class TicketAuthorizationMatrixTests extends GrpcOnlyMatrixContract {

	static final String SECRET_SUBJECT = "A-SECRET chairs broken";

	static final String SECRET_REQUESTER = "Agatha Secret";

	@Autowired
	TicketRepository tickets;

	@MockitoBean
	CustomerDirectory customers;

	@Override
	protected void createRecordsOfOrganisationA() {
		tickets.deleteAll();
		Instant opened = FixedClock.NOW.minusSeconds(600);
		tickets.insert(new Ticket(UUID.randomUUID().toString(), "T-4711", Caller.ORGANISATION_A, SECRET_SUBJECT,
				TicketKind.COMPLAINT, Priority.HIGH, TicketStatus.NEW, Channel.PORTAL, opened,
				Requester.of("contact-of-a", SECRET_REQUESTER, "agatha@org-a.example"), "Li Na", null, null, Tier.KEY,
				false, SlaProperties.defaults().policyFor(Tier.KEY).start(opened), null, null, List.of(), List.of()));
	}

	@Override
	protected String ownGrpcRequest(String fullMethodName) {
		return fullMethodName.endsWith("/ListOpenTickets") ? "{\"customerId\": \"" + Caller.ORGANISATION_A + "\"}" : "{}";
	}

	@Override
	protected List<String> secretsOfOrganisationA() {
		return List.of(SECRET_SUBJECT, SECRET_REQUESTER, "T-4711", "agatha@org-a.example");
	}
}
