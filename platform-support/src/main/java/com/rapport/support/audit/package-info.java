/** The audit trail: who changed which record when and from where, in a hash chain a service keeps in its own database. */
package com.rapport.support.audit;
