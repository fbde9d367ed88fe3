/** Surveys (CSAT, NPS, CES): their answers and the scores made of them (invitations and KPI dashboards arrive with later issues). */
package com.rapport.feedback;
