/** Browser sessions kept in MongoDB, so every gateway replica knows every signed-in user and a restart logs nobody out. */
package com.rapport.gateway.session;
