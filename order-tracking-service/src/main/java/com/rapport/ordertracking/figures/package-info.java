/** On-time delivery month by month, for the console's dashboard and the QBR: every organisation's, some, or groups of them. */
package com.rapport.ordertracking.figures;
