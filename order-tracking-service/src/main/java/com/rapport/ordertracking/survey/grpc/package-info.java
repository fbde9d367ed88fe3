/** feedback-service's survey requests, over gRPC. */
package com.rapport.ordertracking.survey.grpc;
