/** The timeline's gRPC adapter ({@code rapport.customer.v1.TimelineService}). */
package com.rapport.customer.timeline.grpc;
