/**
 * How Redress signs in to the organisations' mail services: with a password, or with OAuth 2.0 access tokens got by
 * the client-credentials grant (Microsoft Entra ID) or the JWT-bearer grant (a Google service account) and offered to IMAP and SMTP as SASL XOAUTH2, or to
 * Microsoft Graph as a bearer token where SMTP is switched off. Tokens are cached and fetched again before they expire.
 */
@ApplicationModule(allowedDependencies = {})
@NullMarked
package org.redress.mailauth;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
