/** The survey settings over gRPC, for the console. */
package com.rapport.feedback.settings.grpc;
