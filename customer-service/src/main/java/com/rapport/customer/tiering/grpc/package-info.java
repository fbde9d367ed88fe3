/** Tiering's gRPC adapter ({@code rapport.customer.v1.TieringPolicyService}): the rules and tier overrides. */
package com.rapport.customer.tiering.grpc;
