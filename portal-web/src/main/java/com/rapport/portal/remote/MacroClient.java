package com.rapport.portal.remote;

import java.util.List;

import com.rapport.contracts.ticket.v1.DeleteMacroRequest;
import com.rapport.contracts.ticket.v1.ListMacrosRequest;
import com.rapport.contracts.ticket.v1.Macro;
import com.rapport.contracts.ticket.v1.RenderMacroRequest;
import com.rapport.contracts.ticket.v1.RenderedMacro;
import com.rapport.contracts.ticket.v1.SaveMacroRequest;
import com.rapport.contracts.ticket.v1.TicketMacroServiceGrpc.TicketMacroServiceBlockingStub;
import com.rapport.support.grpc.CallTokens;
import com.rapport.support.grpc.RemoteCalls;

import org.springframework.stereotype.Component;

/**
 * ticket-service's macros with the signed-in user's token; it decides who may (staff use them, managers keep them),
 * validates and audits.
 */
@Component
public class MacroClient {

	private final TicketMacroServiceBlockingStub stub;

	private final RemoteCalls remoteCalls;

	private final CallTokens tokens;

	MacroClient(TicketMacroServiceBlockingStub stub, RemoteCalls remoteCalls, CallTokens tokens) {
		this.stub = stub;
		this.remoteCalls = remoteCalls;
		this.tokens = tokens;
	}

	/** Every macro by name. */
	public List<Macro> macros() {
		return remoteCalls.read(TicketClient.REMOTE, () -> stub.withCallCredentials(tokens.forCurrentCaller())
			.listMacros(ListMacrosRequest.getDefaultInstance())).getMacrosList();
	}

	/** Creates (id empty) or changes a macro. */
	public Macro save(Macro macro) {
		return remoteCalls.write(TicketClient.REMOTE, () -> stub.withCallCredentials(tokens.forCurrentCaller())
			.saveMacro(SaveMacroRequest.newBuilder().setMacro(macro).build()));
	}

	public void delete(String macroId) {
		remoteCalls.write(TicketClient.REMOTE, () -> stub.withCallCredentials(tokens.forCurrentCaller())
			.deleteMacro(DeleteMacroRequest.newBuilder().setMacroId(macroId).build()));
	}

	/** The macro filled in for the ticket, in its contact's language. */
	public RenderedMacro render(String macroId, String ticketId) {
		return remoteCalls.read(TicketClient.REMOTE, () -> stub.withCallCredentials(tokens.forCurrentCaller())
			.renderMacro(RenderMacroRequest.newBuilder().setMacroId(macroId).setTicketId(ticketId).build()));
	}
}
