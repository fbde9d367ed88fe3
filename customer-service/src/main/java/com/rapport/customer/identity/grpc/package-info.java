/**
 * The contacts' and logins' gRPC adapter ({@code rapport.customer.v1.ContactService}): a contact's own record
 * and preferences, the staff's editing of contacts and the admins' user administration.
 */
package com.rapport.customer.identity.grpc;
