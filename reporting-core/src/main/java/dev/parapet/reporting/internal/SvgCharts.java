package dev.parapet.reporting.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * Inline SVG charts with no script and no external assets: a line chart of a time series and a
 * horizontal bar chart of signed values. Every chart is an {@code <svg>} with a fixed view box that
 * scales to the page width; an empty series draws a "no data" notice instead of a line.
 */
final class SvgCharts {

  static final int WIDTH = 640;
  static final int HEIGHT = 220;
  static final int BAR_WIDTH = 460;
  private static final int LEFT = 78;
  private static final int RIGHT = 16;
  private static final int TOP = 14;
  private static final int BOTTOM = 30;

  private SvgCharts() {
  }

  /** A labelled value of a bar chart. */
  record Bar(String label, double value) {
  }

  /** A point of a line chart. */
  record Pt(Instant time, double value) {
  }

  /** Formats an axis value. */
  interface AxisFormat {
    String format(double v);
  }

  static String line(String id, String title, List<Pt> points, String color, AxisFormat fmt, ZoneId zone,
      String emptyReason, boolean fillBelow) {
    StringBuilder b = open(id, title, WIDTH, HEIGHT);
    if (points.isEmpty()) {
      return empty(b, WIDTH, emptyReason);
    }
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (Pt p : points) {
      min = Math.min(min, p.value());
      max = Math.max(max, p.value());
    }
    if (fillBelow) {
      min = Math.min(min, 0);
      max = Math.max(max, 0);
    }
    if (max - min < 1e-12 * Math.max(1, Math.abs(max))) {
      double pad = Math.abs(max) > 0 ? Math.abs(max) * 0.01 : 1;
      min -= pad;
      max += pad;
    }
    long t0 = points.get(0).time().toEpochMilli();
    long t1 = points.get(points.size() - 1).time().toEpochMilli();
    double plotW = WIDTH - LEFT - RIGHT;
    double plotH = HEIGHT - TOP - BOTTOM;
    // grid and y labels: min, middle, max
    for (int i = 0; i <= 4; i++) {
      double v = min + (max - min) * i / 4;
      double y = TOP + plotH - plotH * i / 4;
      b.append("<line class=\"grid\" x1=\"").append(LEFT).append("\" x2=\"").append(WIDTH - RIGHT)
          .append("\" y1=\"").append(f(y)).append("\" y2=\"").append(f(y)).append("\"/>");
      b.append("<text class=\"axis\" x=\"").append(LEFT - 6).append("\" y=\"").append(f(y + 4))
          .append("\" text-anchor=\"end\">").append(Fmt.esc(fmt.format(v))).append("</text>");
    }
    StringBuilder path = new StringBuilder();
    for (int i = 0; i < points.size(); i++) {
      Pt p = points.get(i);
      double x = t1 == t0 ? LEFT + plotW / 2 : LEFT + plotW * (p.time().toEpochMilli() - t0) / (double) (t1 - t0);
      double y = TOP + plotH - plotH * (p.value() - min) / (max - min);
      path.append(i == 0 ? "M" : "L").append(f(x)).append(',').append(f(y));
    }
    if (fillBelow) {
      double yBase = TOP + plotH - plotH * (0 - min) / (max - min);
      double xFirst = t1 == t0 ? LEFT + plotW / 2 : LEFT;
      double xLast = t1 == t0 ? LEFT + plotW / 2 : LEFT + plotW;
      b.append("<path class=\"area\" fill=\"").append(color).append("\" fill-opacity=\"0.15\" stroke=\"none\" d=\"")
          .append(path).append("L").append(f(xLast)).append(',').append(f(yBase)).append("L").append(f(xFirst))
          .append(',').append(f(yBase)).append("Z\"/>");
    }
    b.append("<path class=\"series\" fill=\"none\" stroke=\"").append(color).append("\" stroke-width=\"2\" d=\"")
        .append(path).append("\"/>");
    if (points.size() == 1) {
      double x = LEFT + plotW / 2;
      double y = TOP + plotH - plotH * (points.get(0).value() - min) / (max - min);
      b.append("<circle cx=\"").append(f(x)).append("\" cy=\"").append(f(y)).append("\" r=\"3\" fill=\"")
          .append(color).append("\"/>");
    }
    DateTimeFormatter tf = t1 - t0 < 2 * 86_400_000L
        ? DateTimeFormatter.ofPattern("MM-dd HH:mm", Locale.ROOT) : DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT);
    b.append("<text class=\"axis\" x=\"").append(LEFT).append("\" y=\"").append(HEIGHT - 8).append("\">")
        .append(tf.format(points.get(0).time().atZone(zone))).append("</text>");
    b.append("<text class=\"axis\" x=\"").append(WIDTH - RIGHT).append("\" y=\"").append(HEIGHT - 8)
        .append("\" text-anchor=\"end\">").append(tf.format(points.get(points.size() - 1).time().atZone(zone)))
        .append("</text>");
    b.append("<line class=\"frame\" x1=\"").append(LEFT).append("\" x2=\"").append(LEFT).append("\" y1=\"").append(TOP)
        .append("\" y2=\"").append(f(TOP + plotH)).append("\"/>");
    return b.append("</svg>").toString();
  }

  static String bars(String id, String title, List<Bar> bars, AxisFormat fmt, String emptyReason) {
    int rowH = 24;
    int height = Math.max(HEIGHT / 2, TOP + BOTTOM / 2 + rowH * Math.max(1, bars.size()));
    StringBuilder b = open(id, title, BAR_WIDTH, height);
    if (bars.isEmpty()) {
      return empty(b, BAR_WIDTH, emptyReason);
    }
    int labelW = 150;
    int valueW = 70;
    double maxAbs = 0;
    boolean anyNegative = false;
    for (Bar bar : bars) {
      maxAbs = Math.max(maxAbs, Math.abs(bar.value()));
      anyNegative |= bar.value() < 0;
    }
    if (maxAbs == 0) {
      maxAbs = 1;
    }
    double plotW = BAR_WIDTH - labelW - valueW - RIGHT;
    double zeroX = anyNegative ? labelW + plotW / 2 : labelW;
    double scale = (anyNegative ? plotW / 2 : plotW) / maxAbs;
    b.append("<line class=\"frame\" x1=\"").append(f(zeroX)).append("\" x2=\"").append(f(zeroX)).append("\" y1=\"")
        .append(TOP - 4).append("\" y2=\"").append(TOP + rowH * bars.size()).append("\"/>");
    for (int i = 0; i < bars.size(); i++) {
      Bar bar = bars.get(i);
      double y = TOP + rowH * i;
      double w = Math.abs(bar.value()) * scale;
      double x = bar.value() >= 0 ? zeroX : zeroX - w;
      String label = bar.label().length() > 26 ? bar.label().substring(0, 25) + "\u2026" : bar.label();
      b.append("<text class=\"label\" x=\"").append(labelW - 8).append("\" y=\"").append(f(y + rowH * 0.65))
          .append("\" text-anchor=\"end\">").append(Fmt.esc(label)).append("</text>");
      b.append("<rect class=\"").append(bar.value() >= 0 ? "bar-pos" : "bar-neg").append("\" x=\"").append(f(x))
          .append("\" y=\"").append(f(y + 4)).append("\" width=\"").append(f(Math.max(w, 1))).append("\" height=\"")
          .append(rowH - 8).append("\"/>");
      b.append("<text class=\"value\" x=\"").append(BAR_WIDTH - RIGHT).append("\" y=\"").append(f(y + rowH * 0.65))
          .append("\" text-anchor=\"end\">").append(Fmt.esc(fmt.format(bar.value()))).append("</text>");
    }
    return b.append("</svg>").toString();
  }

  private static StringBuilder open(String id, String title, int width, int height) {
    StringBuilder b = new StringBuilder(4096);
    b.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" id=\"").append(id)
        .append("\" viewBox=\"0 0 ").append(width).append(' ').append(height).append("\" width=\"").append(width)
        .append("\" height=\"").append(height).append("\" role=\"img\" aria-label=\"").append(Fmt.esc(title))
        .append("\"><title>").append(Fmt.esc(title)).append("</title>");
    return b;
  }

  private static String empty(StringBuilder b, int width, String reason) {
    b.append("<rect class=\"empty\" x=\"1\" y=\"1\" width=\"").append(width - 2).append("\" height=\"60\"/>");
    b.append("<text class=\"nodata\" x=\"").append(width / 2).append("\" y=\"36\" text-anchor=\"middle\">No data: ")
        .append(Fmt.esc(reason)).append("</text>");
    return b.append("</svg>").toString();
  }

  private static String f(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
  }
}
