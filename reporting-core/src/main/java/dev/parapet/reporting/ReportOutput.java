package dev.parapet.reporting;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Where a {@link ReportRenderer} creates the files of one report. The files land in a temporary
 * directory that becomes the day's report only once every renderer has finished. Confined to the thread
 * rendering the report.
 */
@FunctionalInterface
public interface ReportOutput {

  /**
   * Creates a file of the report and returns a stream to write it; the caller closes it.
   *
   * @param fileName a plain file name such as {@code report.html} (no directories)
   * @param mediaType its media type, e.g. {@code text/html}
   * @throws IOException if the file cannot be created
   * @throws IllegalArgumentException if the name is not a plain file name or was already created
   */
  OutputStream create(String fileName, String mediaType) throws IOException;
}
