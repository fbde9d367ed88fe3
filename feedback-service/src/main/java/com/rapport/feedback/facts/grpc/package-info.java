/** The gRPC face of the score facts ({@code rapport.feedback.v1.ScoreFactsService}), for services alone. */
package com.rapport.feedback.facts.grpc;
