/** The gRPC face of the reorders ({@code rapport.customer.v1.ReorderService}) and the draft orders' client. */
package com.rapport.customer.reorder.grpc;
