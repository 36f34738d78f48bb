package dev.parapet.reporting;

import java.io.IOException;

/**
 * Renders a composed report into one or more files: JSON, HTML and CSV are built in
 * ({@link Reports#standardRenderers()}), and a host may add its own format.
 * <p>
 * A renderer reads only the report's JSON tree ({@link ReportDocument#json()}), which is the source of
 * truth, so every format shows the same figures. It must not keep the output streams after returning.
 * Implementations must be thread-safe (the built-in ones are stateless).
 */
@FunctionalInterface
public interface ReportRenderer {

  /**
   * Renders the report.
   *
   * @param report the composed report
   * @param out where to create the files
   * @throws IOException if writing fails; the store then discards everything written for this report
   */
  void render(ReportDocument report, ReportOutput out) throws IOException;
}
