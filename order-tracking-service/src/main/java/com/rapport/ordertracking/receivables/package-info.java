/** Receivables, gently: invoices partners push, a courteous reminder cadence, promises to pay and instalment plans. */
package com.rapport.ordertracking.receivables;
