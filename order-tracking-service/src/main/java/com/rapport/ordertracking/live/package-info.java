/** The live feed: every order change kept with a position, replayed and streamed to the portal's open pages. */
package com.rapport.ordertracking.live;
