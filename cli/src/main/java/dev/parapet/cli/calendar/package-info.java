/**
 * The {@code parapet calendar} subcommand: an exchange's holidays and early closes for a year, as JSON,
 * from the calendars in {@link dev.parapet.api.calendar.MarketCalendars}.
 */
package dev.parapet.cli.calendar;
