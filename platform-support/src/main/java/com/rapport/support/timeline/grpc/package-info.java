/** The timeline recorder as a gRPC client of customer-service ({@code RecordInteraction}). */
package com.rapport.support.timeline.grpc;
