/** The delivery figures over gRPC, for the console's dashboard and the QBR. */
package com.rapport.ordertracking.figures.grpc;
