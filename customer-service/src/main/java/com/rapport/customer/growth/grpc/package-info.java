/** Growth's gRPC adapter ({@code rapport.customer.v1.GrowthService}): lifetime value and value by segment. */
package com.rapport.customer.growth.grpc;
