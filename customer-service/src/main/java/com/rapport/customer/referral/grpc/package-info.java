/** The gRPC face of referrals ({@code rapport.customer.v1.ReferralService}), for portal-web. */
package com.rapport.customer.referral.grpc;
