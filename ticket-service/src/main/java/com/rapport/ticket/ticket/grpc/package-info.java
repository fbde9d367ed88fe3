/**
 * The gRPC face of tickets ({@code rapport.ticket.v1}): the customer 360's open tickets, and the workflow's
 * intake, conversation, queue and status services used by the portal and the console.
 */
package com.rapport.ticket.ticket.grpc;
