/** The gRPC face of the order facts ({@code rapport.ordertracking.v1.OrderFactsService}), for services alone. */
package com.rapport.ordertracking.growth.grpc;
