/** The loyalty programme over gRPC ({@code rapport.customer.v1.LoyaltyService}): the portal's and the console's. */
package com.rapport.customer.loyalty.grpc;
