/**
 * The narrow read other services make of customer-service's organisations
 * ({@code rapport.customer.v1.OrganisationService/GetOrganisationSummary}), as a client a service imports
 * explicitly: {@code @Import(OrganisationSummaryClientConfiguration.class)}.
 */
package com.rapport.support.customer.grpc;
