package com.rapport.ticket;

import com.google.protobuf.InvalidProtocolBufferException;
import com.rapport.contracts.problem.v1.Problem;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;

/** The {@code rapport.problem.v1.Problem} a refusal over gRPC carries in its details. */
public final class GrpcProblems {

	private GrpcProblems() {
	}

	public static Problem problem(StatusRuntimeException ex) throws InvalidProtocolBufferException {
		return StatusProto.fromThrowable(ex).getDetailsList().stream().filter(d -> d.is(Problem.class)).findFirst()
			.orElseThrow().unpack(Problem.class);
	}
}
