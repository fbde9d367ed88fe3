/** The audit trail's gRPC face (rapport.audit.v1) and the client address carried along gRPC calls. */
package com.rapport.support.audit.grpc;
