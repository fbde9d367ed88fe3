/** The demo data set loaded on an empty store when {@code rapport.demo-data} is on. */
package com.rapport.ticket.demo;
