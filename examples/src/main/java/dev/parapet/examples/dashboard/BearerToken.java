package dev.parapet.examples.dashboard;

import dev.parapet.api.Checks;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The bearer token that guards the dashboard's mutating endpoints (RFC 6750 {@code Authorization: Bearer}).
 * <p>
 * The comparison hashes both sides with SHA-256 and compares the digests with
 * {@link MessageDigest#isEqual}, whose running time does not depend on where the inputs differ, so the
 * comparison leaks neither the token's content nor its length. Immutable and thread-safe.
 */
final class BearerToken {

  private static final String SCHEME = "Bearer ";

  private final String token;
  private final byte[] digest;

  private BearerToken(String token) {
    Checks.notBlank(token, "token");
    Checks.check(token.length() >= 16, "token", "(" + token.length() + " characters)", "at least 16 characters");
    Checks.check(token.chars().allMatch(c -> c > 0x20 && c < 0x7f), "token", "(hidden)",
        "printable ASCII without spaces");
    this.token = token;
    this.digest = sha256(token);
  }

  /** Creates a token of 32 random bytes from a {@link SecureRandom}, written in URL-safe Base64. */
  static BearerToken random() {
    byte[] bytes = new byte[32];
    new SecureRandom().nextBytes(bytes);
    return new BearerToken(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
  }

  static BearerToken of(String token) {
    return new BearerToken(token);
  }

  String value() {
    return token;
  }

  /** Returns true if an {@code Authorization} header value carries this token; null or malformed is false. */
  boolean matches(String authorizationHeader) {
    if (authorizationHeader == null || authorizationHeader.length() <= SCHEME.length()
        || !authorizationHeader.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
      return false;
    }
    String presented = authorizationHeader.substring(SCHEME.length()).trim();
    return MessageDigest.isEqual(digest, sha256(presented));
  }

  private static byte[] sha256(String s) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every Java platform", e);
    }
  }

  @Override
  public String toString() {
    return "BearerToken[hidden]";
  }
}
