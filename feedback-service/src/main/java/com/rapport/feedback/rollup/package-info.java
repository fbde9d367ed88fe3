/** Monthly roll-ups of the answers and invitations, kept as they arrive, and the dashboard's figures read from them. */
package com.rapport.feedback.rollup;
