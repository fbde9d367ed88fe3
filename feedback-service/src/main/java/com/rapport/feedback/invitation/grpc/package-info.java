/** The invitations' gRPC adapters: survey requests from other services, and customer-service's contacts. */
package com.rapport.feedback.invitation.grpc;
