package dev.parapet.api.data;

/**
 * How a {@link ReturnMatrix} treats a session on which an instrument has no usable close. Whatever the
 * policy, imputed values are marked as such ({@link ReturnMatrix#isImputed(int, int)}) and counted, never
 * silently mixed with observed ones; a session the policy cannot fill is excluded for every instrument
 * and counted in {@link ReturnMatrix#excludedSessions()}.
 */
public enum ImputationPolicy {
  /** Leave it missing: every session on which any instrument lacks an observed return is excluded. */
  EXCLUDE,
  /**
   * Carry the last observed (adjusted) price forward: the return on the missing session is zero and the
   * next observed session carries the whole move. Returns touching a filled price are marked imputed.
   */
  FORWARD_FILL,
  /**
   * Interpolate the (adjusted) price linearly in session count between the observed neighbours; a gap
   * with no observed price after it in the store cannot be interpolated and is excluded. Returns touching
   * an interpolated price are marked imputed.
   */
  LINEAR
}
