/** customer-service's organisations for the segment copy ({@code OrganisationService} over gRPC). */
package com.rapport.feedback.segment.grpc;
