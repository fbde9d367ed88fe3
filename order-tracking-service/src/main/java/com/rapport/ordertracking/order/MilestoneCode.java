package com.rapport.ordertracking.order;

/** The steps of an order's life, in their usual order (an exception can come at any point). */
public enum MilestoneCode {
	PLACED, CONFIRMED, IN_PRODUCTION, QUALITY_CHECK, PACKED, SHIPPED, OUT_FOR_DELIVERY, DELIVERED, EXCEPTION
}
