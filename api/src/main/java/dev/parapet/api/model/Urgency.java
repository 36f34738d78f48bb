package dev.parapet.api.model;

/**
 * How urgently a parent order should be completed: execution algorithms trade market impact
 * (favoured by low urgency) against timing risk (favoured by high urgency).
 */
public enum Urgency {
  /** Minimise impact; accept a long horizon. */
  LOW,
  /** Balance impact and timing risk. */
  MEDIUM,
  /** Minimise timing risk; accept more impact. */
  HIGH
}
