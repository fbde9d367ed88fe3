/** gRPC plumbing: JWT authentication of incoming calls, domain errors as status codes, tokens on outgoing calls. */
package com.rapport.support.grpc;
