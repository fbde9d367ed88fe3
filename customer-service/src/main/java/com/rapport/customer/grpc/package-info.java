/**
 * The service's gRPC adapter: all of {@code rapport.customer.v1.CustomerService} (organisations, contacts'
 * own preferences, the timeline), translating proto to each feature's domain and back.
 */
package com.rapport.customer.grpc;
