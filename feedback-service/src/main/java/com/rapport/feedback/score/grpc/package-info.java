/** The gRPC face of scores ({@code rapport.feedback.v1.FeedbackService}), used by portal-web. */
package com.rapport.feedback.score.grpc;
