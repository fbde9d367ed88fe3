/** "You said, we did": improvements made because of customers' feedback, recorded by managers, shown to customers. */
package com.rapport.feedback.improvement;
