/**
 * Positions, cash, P&amp;L and exposures per account, with the open-order reservations that let limit
 * checks see committed and pending exposure together. {@link dev.parapet.api.book.PortfolioView} is the
 * read-only, allocation-free view gates check orders against.
 */
package dev.parapet.api.book;
