/** The survey templates over gRPC, for the console. */
package com.rapport.feedback.template.grpc;
