/**
 * Simple market calendars for simulations and tests: weekday sessions at fixed local times, without
 * holidays. Real exchange calendars live in the api's {@code dev.parapet.api.calendar}.
 */
package dev.parapet.simulator.calendar;
