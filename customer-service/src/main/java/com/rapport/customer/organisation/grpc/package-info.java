/** The gRPC face of organisations and their timelines ({@code rapport.customer.v1.CustomerService}) for the other services. */
package com.rapport.customer.organisation.grpc;
