/** Orders and their milestones, as partner systems push them and customers follow them. */
package com.rapport.ordertracking.order;
