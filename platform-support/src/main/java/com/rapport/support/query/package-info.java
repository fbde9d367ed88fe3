/** Query pieces shaped so that both stores, the embedded one and MongoDB, answer them from an index. */
package com.rapport.support.query;
