/** What this service's gRPC adapters share: proto timestamps. */
package com.rapport.ordertracking.grpc;
