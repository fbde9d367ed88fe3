/** Orders, milestones, ETAs and delays, and the notifications about them. */
package com.rapport.ordertracking;
