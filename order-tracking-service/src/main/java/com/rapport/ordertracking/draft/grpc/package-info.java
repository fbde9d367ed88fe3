/** The gRPC face of the draft orders ({@code rapport.ordertracking.v1.DraftOrderService}). */
package com.rapport.ordertracking.draft.grpc;
