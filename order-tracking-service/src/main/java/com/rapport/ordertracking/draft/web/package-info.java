/** The partner API of the draft orders: read them and confirm one into a placed order. */
package com.rapport.ordertracking.draft.web;
