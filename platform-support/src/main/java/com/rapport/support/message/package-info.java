/** Message codes said in the reader's language: English or Simplified Chinese, chosen from what the reader asked for. */
package com.rapport.support.message;
