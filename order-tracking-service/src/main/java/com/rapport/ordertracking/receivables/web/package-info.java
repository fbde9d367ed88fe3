/** The partner API of invoices: submitted, paid or credited, each idempotent by {@code Idempotency-Key}. */
package com.rapport.ordertracking.receivables.web;
