/** The managers' survey settings: when a CES survey is asked (after a resolved ticket, a delivered order, both, neither). */
package com.rapport.feedback.settings;
