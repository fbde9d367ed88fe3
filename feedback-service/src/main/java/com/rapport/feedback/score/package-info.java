/** An organisation's scores: its latest answer of each survey and the CSAT, NPS and CES figures over a window. */
package com.rapport.feedback.score;
