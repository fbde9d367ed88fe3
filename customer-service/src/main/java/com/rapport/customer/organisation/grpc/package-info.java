/**
 * The organisations' gRPC adapter ({@code rapport.customer.v1.OrganisationService}) and the organisation and
 * contact messages the other features' adapters answer with.
 */
package com.rapport.customer.organisation.grpc;
