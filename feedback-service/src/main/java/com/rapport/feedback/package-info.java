/** Surveys (CSAT, NPS, CES), their responses and KPI figures (capabilities arrive with later issues). */
package com.rapport.feedback;
