/**
 * Exchange calendars: trading days, session open and close times (with early closes) and holidays,
 * correct across daylight-saving changes. {@link dev.parapet.api.calendar.MarketCalendars} holds the
 * standard calendars, starting with XNYS.
 */
package dev.parapet.api.calendar;
