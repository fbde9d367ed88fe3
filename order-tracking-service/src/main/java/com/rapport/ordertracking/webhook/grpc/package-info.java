/** The console's webhook subscriptions and their delivery history over gRPC (admins only). */
package com.rapport.ordertracking.webhook.grpc;
