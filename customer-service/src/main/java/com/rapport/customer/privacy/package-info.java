/**
 * Personal data in customer-service: who a contact is as the subject of an export or erasure. The export and
 * erasure themselves are platform-support's {@code rapport.privacy.v1.PersonalData} over each feature's
 * {@code PersonalDataHolder}.
 */
package com.rapport.customer.privacy;
