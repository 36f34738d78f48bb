package dev.parapet.risk.crowding;

/** How crowded a book is, in increasing order. */
public enum CrowdingLevel {
  /** No indicator reaches its medium threshold. */
  LOW,
  /** At least one indicator reaches its medium threshold, none its high one. */
  MEDIUM,
  /** At least one indicator reaches its high threshold. */
  HIGH
}
