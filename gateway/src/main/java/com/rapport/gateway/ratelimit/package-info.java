/** Request budgets per partner client and per signed-in user, counted in MongoDB so every gateway replica shares them. */
package com.rapport.gateway.ratelimit;
