package dev.parapet.reporting.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Text formatting of report figures for people; an absent figure (null or missing) shows as "n/a". */
final class Fmt {

  static final String NA = "n/a";
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
  private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private Fmt() {
  }

  static boolean has(JsonNode n) {
    return n != null && !n.isNull() && !n.isMissingNode();
  }

  /** An amount with thousands separators and no decimals (two below 100 in magnitude). */
  static String money(JsonNode n) {
    return has(n) ? money(n.doubleValue()) : NA;
  }

  static String money(double v) {
    if (Math.abs(v) < 100) {
      return String.format(Locale.ROOT, "%,.2f", v);
    }
    return String.format(Locale.ROOT, "%,.0f", v);
  }

  /** A fraction as a percentage with two decimals: 0.0123 → 1.23%. */
  static String pct(JsonNode n) {
    return has(n) ? pct(n.doubleValue()) : NA;
  }

  static String pct(double v) {
    return String.format(Locale.ROOT, "%.2f%%", v * 100);
  }

  /** A signed percentage: +1.23%. */
  static String signedPct(JsonNode n) {
    return has(n) ? String.format(Locale.ROOT, "%+.2f%%", n.doubleValue() * 100) : NA;
  }

  static String bps(JsonNode n) {
    return has(n) ? String.format(Locale.ROOT, "%.1f", n.doubleValue()) : NA;
  }

  static String num(JsonNode n, int decimals) {
    return has(n) ? String.format(Locale.ROOT, "%,." + decimals + "f", n.doubleValue()) : NA;
  }

  static String integer(JsonNode n) {
    return has(n) ? String.format(Locale.ROOT, "%,d", n.longValue()) : NA;
  }

  static String text(JsonNode n) {
    return has(n) ? n.asText() : NA;
  }

  static String time(JsonNode n, ZoneId zone) {
    return has(n) ? TIME.format(Instant.parse(n.asText()).atZone(zone)) : NA;
  }

  static String dateTime(JsonNode n, ZoneId zone) {
    return has(n) ? DATE_TIME.format(Instant.parse(n.asText()).atZone(zone)) : NA;
  }

  /** The CSS class of a signed figure: {@code pos}, {@code neg} or empty. */
  static String signClass(JsonNode n) {
    if (!has(n)) {
      return "na";
    }
    double v = n.doubleValue();
    return v > 0 ? "pos" : v < 0 ? "neg" : "";
  }

  /** Escapes text for HTML element content and attribute values. */
  static String esc(String s) {
    StringBuilder b = new StringBuilder(s.length() + 8);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }
}
