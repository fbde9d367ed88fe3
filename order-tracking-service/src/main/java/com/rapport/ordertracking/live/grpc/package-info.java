/** The live feed over gRPC: {@code OrderEventsService/Follow}, a server stream per open portal page. */
package com.rapport.ordertracking.live.grpc;
