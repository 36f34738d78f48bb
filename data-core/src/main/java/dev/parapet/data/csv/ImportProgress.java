package dev.parapet.data.csv;

/** Receives the progress of an import after each batch; called on the importing thread. */
@FunctionalInterface
public interface ImportProgress {

  /**
   * Reports progress.
   *
   * @param bytesRead bytes of the file read so far
   * @param totalBytes the file size in bytes
   * @param rowsRead data rows read so far
   */
  void onProgress(long bytesRead, long totalBytes, long rowsRead);

  /** Returns a listener that ignores progress. */
  static ImportProgress none() {
    return (b, t, r) -> { };
  }
}
