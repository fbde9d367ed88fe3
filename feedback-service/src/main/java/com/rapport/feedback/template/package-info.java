/** Survey templates: the question of each survey (CSAT, CES, NPS) in each language, as managers word it. */
package com.rapport.feedback.template;
