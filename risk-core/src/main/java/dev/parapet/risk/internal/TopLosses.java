package dev.parapet.risk.internal;

/**
 * A bounded buffer that keeps the {@code k} largest of a stream of losses in decreasing order: a partial
 * selection in one pass (most values are rejected by one comparison with the current k-th largest), used
 * where the tail is small, as in a gate check. Preallocated; {@link #offer} allocates nothing.
 * <p>
 * Not thread-safe: confine an instance to one thread.
 */
public final class TopLosses {

  private final double[] buffer;
  private int k;
  private int size;
  private double floor;

  /**
   * Creates a buffer able to hold up to {@code capacity} losses.
   *
   * @param capacity the largest {@code k} that {@link #reset(int)} will be given
   */
  public TopLosses(int capacity) {
    this.buffer = new double[Math.max(capacity, 1)];
  }

  /** Returns the largest {@code k} this buffer can hold. */
  public int capacity() {
    return buffer.length;
  }

  /** Empties the buffer to keep the {@code k} largest losses of the next stream. */
  public void reset(int k) {
    this.k = k;
    this.size = 0;
    this.floor = Double.NEGATIVE_INFINITY;
  }

  /** Offers one loss. */
  public void offer(double loss) {
    // hot path: allocation-free (see RiskGateBenchmark)
    if (size < k) {
      int j = size++;
      while (j > 0 && buffer[j - 1] < loss) {
        buffer[j] = buffer[j - 1];
        j--;
      }
      buffer[j] = loss;
      if (size == k) {
        floor = buffer[k - 1];
      }
      return;
    }
    if (loss > floor) {
      int j = k - 1;
      while (j > 0 && buffer[j - 1] < loss) {
        buffer[j] = buffer[j - 1];
        j--;
      }
      buffer[j] = loss;
      floor = buffer[k - 1];
    }
  }

  /** Returns the {@code (i+1)}-th largest loss offered, {@code 0 <= i < min(k, offered)}. */
  public double get(int i) {
    return buffer[i];
  }

  /** Returns how many losses are held. */
  public int size() {
    return size;
  }

  /**
   * Returns the Acerbi–Tasche expected shortfall of the stream given its tail size {@code w} (see
   * {@link TailMath}); requires {@code k >= floor(w) + 1} and at least {@code k} losses offered.
   */
  public double expectedShortfall(double w) {
    int m = k - 1;
    double sum = 0;
    for (int i = 0; i < m; i++) {
      sum += buffer[i];
    }
    return (sum + (w - m) * buffer[m]) / w;
  }

  /** Returns the value at risk of the stream, the {@code k}-th largest loss. */
  public double valueAtRisk() {
    return buffer[k - 1];
  }
}
