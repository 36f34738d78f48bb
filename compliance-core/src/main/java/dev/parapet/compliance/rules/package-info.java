/**
 * The standard rule catalogue: seventeen pre-trade (and, where meaningful, post-trade) rules drawn
 * from SEC Rule 15c3-5, MiFID II RTS 6 Article 15, FIA guidance, UCITS Article 52, the 1940 Act and
 * Reg SHO, reached through {@link dev.parapet.compliance.rules.StandardRules#catalogue()}.
 */
package dev.parapet.compliance.rules;
