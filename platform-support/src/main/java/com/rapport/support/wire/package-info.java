/**
 * The one table from a domain error to its REST status and problem {@code code} and to its gRPC status code:
 * the REST advice, the gRPC exception handler and the gRPC client all read it, so an error keeps its kind
 * across every hop.
 */
package com.rapport.support.wire;
