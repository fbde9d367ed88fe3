/** The data subjects' gRPC adapter ({@code rapport.customer.v1.DataSubjectService}). */
package com.rapport.customer.privacy.grpc;
