/** customer-service's contacts as this service reads them, and the console's notification log and resend. */
package com.rapport.ordertracking.notification.grpc;
