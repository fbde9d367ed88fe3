/** The lifecycle figures over gRPC, for the console's dashboard and the QBR. */
package com.rapport.customer.figures.grpc;
