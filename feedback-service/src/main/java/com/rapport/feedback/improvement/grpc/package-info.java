/** The gRPC face of the improvements ({@code rapport.feedback.v1.ImprovementService}). */
package com.rapport.feedback.improvement.grpc;
