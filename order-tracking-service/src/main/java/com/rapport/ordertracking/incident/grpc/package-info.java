/** The incident notices over gRPC ({@code rapport.ordertracking.v1.IncidentService}) for the console. */
package com.rapport.ordertracking.incident.grpc;
