/** The partner REST API of orders, {@code /api/orders/v1}. */
package com.rapport.ordertracking.order.web;
