package com.rapport.ordertracking.order;

public record OrderLine(String sku, String description, int quantity) {
}
