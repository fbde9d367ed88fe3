/** The gRPC face of orders ({@code rapport.ordertracking.v1.OrderTrackingService}), used by portal-web. */
package com.rapport.ordertracking.order.grpc;
