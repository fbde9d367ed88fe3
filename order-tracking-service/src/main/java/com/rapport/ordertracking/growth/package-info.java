/**
 * What customer-service's growth recompute reads of the orders (issue 16): the order facts of many organisations
 * in one streamed read, sorted by organisation, instead of one list per organisation.
 */
package com.rapport.ordertracking.growth;
