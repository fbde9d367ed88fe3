package com.rapport.ticket.macro.grpc;

import com.google.protobuf.Timestamp;
import com.rapport.contracts.ticket.v1.DeleteMacroRequest;
import com.rapport.contracts.ticket.v1.DeleteMacroResponse;
import com.rapport.contracts.ticket.v1.ListMacrosRequest;
import com.rapport.contracts.ticket.v1.ListMacrosResponse;
import com.rapport.contracts.ticket.v1.RenderMacroRequest;
import com.rapport.contracts.ticket.v1.RenderedMacro;
import com.rapport.contracts.ticket.v1.SaveMacroRequest;
import com.rapport.contracts.ticket.v1.TicketMacroServiceGrpc;
import com.rapport.support.security.Caller;
import com.rapport.ticket.macro.Macro;
import com.rapport.ticket.macro.Macros;
import io.grpc.stub.StreamObserver;

import org.springframework.grpc.server.service.GrpcService;

/** Macros over gRPC; the rules are {@link Macros}'. */
@GrpcService
class MacroGrpcService extends TicketMacroServiceGrpc.TicketMacroServiceImplBase {

	private final Macros macros;

	MacroGrpcService(Macros macros) {
		this.macros = macros;
	}

	@Override
	public void listMacros(ListMacrosRequest request, StreamObserver<ListMacrosResponse> response) {
		ListMacrosResponse.Builder answer = ListMacrosResponse.newBuilder();
		macros.list(Caller.current()).forEach(macro -> answer.addMacros(proto(macro)));
		response.onNext(answer.build());
		response.onCompleted();
	}

	@Override
	public void saveMacro(SaveMacroRequest request, StreamObserver<com.rapport.contracts.ticket.v1.Macro> response) {
		var given = request.getMacro();
		response.onNext(proto(macros.save(Caller.current(),
				new Macro(given.getId(), given.getName(), given.getBodyEn(), given.getBodyZh(), null, null))));
		response.onCompleted();
	}

	@Override
	public void deleteMacro(DeleteMacroRequest request, StreamObserver<DeleteMacroResponse> response) {
		macros.delete(Caller.current(), request.getMacroId());
		response.onNext(DeleteMacroResponse.getDefaultInstance());
		response.onCompleted();
	}

	@Override
	public void renderMacro(RenderMacroRequest request, StreamObserver<RenderedMacro> response) {
		Macros.Rendered rendered = macros.render(Caller.current(), request.getMacroId(), request.getTicketId());
		response.onNext(RenderedMacro.newBuilder().setBody(rendered.body()).setLanguage(rendered.language()).build());
		response.onCompleted();
	}

	private static com.rapport.contracts.ticket.v1.Macro proto(Macro macro) {
		var builder = com.rapport.contracts.ticket.v1.Macro.newBuilder().setId(macro.id()).setName(macro.name())
			.setBodyEn(macro.bodyEn()).setBodyZh(macro.bodyZh());
		if (macro.updatedAt() != null) {
			builder.setUpdatedAt(Timestamp.newBuilder().setSeconds(macro.updatedAt().getEpochSecond())
				.setNanos(macro.updatedAt().getNano()));
		}
		if (macro.updatedBy() != null) {
			builder.setUpdatedBy(macro.updatedBy());
		}
		return builder.build();
	}
}
