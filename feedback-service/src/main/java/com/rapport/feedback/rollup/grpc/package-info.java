/** The dashboard's figures over gRPC ({@code rapport.feedback.v1.FeedbackFiguresService}). */
package com.rapport.feedback.rollup.grpc;
