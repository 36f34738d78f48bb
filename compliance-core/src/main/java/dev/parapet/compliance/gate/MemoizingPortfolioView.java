package dev.parapet.compliance.gate;

import dev.parapet.api.book.ExposureBasis;
import dev.parapet.api.book.PortfolioView;
import dev.parapet.api.book.PositionVisitor;

/**
 * A view over the portfolio for the duration of one gate check that remembers the last answer to each
 * query: seventeen rules asking about the same account and instrument reach the book (and its lock)
 * once per distinct question instead of dozens of times. Arguments are matched by reference (the same
 * {@code String} objects the order carries), falling back to the book for anything else. Also gives
 * every rule the same answers within one check.
 * <p>
 * Reused: {@link #reset} before each check. Confined to the gate's lock. Allocation-free.
 */
final class MemoizingPortfolioView implements PortfolioView {

  private PortfolioView book;

  private boolean versionKnown;
  private long version;

  private String navAccount;
  private double nav;
  private String cashAccount;
  private double cash;
  private String openAccount;
  private int open;
  private String realizedAccount;
  private double realized;
  private String unrealizedAccount;
  private double unrealized;

  private final String[] longAccount = new String[2];
  private final double[] longValue = new double[2];
  private final String[] shortAccount = new String[2];
  private final double[] shortValue = new double[2];
  private final String[] grossAccount = new String[2];
  private final double[] grossValue = new double[2];
  private final String[] netAccount = new String[2];
  private final double[] netValue = new double[2];
  private final String[] sectorAccount = new String[2];
  private final String[] sectorKey = new String[2];
  private final double[] sectorValue = new double[2];
  private final String[] issuerAccount = new String[2];
  private final String[] issuerKey = new String[2];
  private final double[] issuerValue = new double[2];

  private String qAccount;
  private String qInstrument;
  private long q;
  private String pbAccount;
  private String pbInstrument;
  private long pb;
  private String psAccount;
  private String psInstrument;
  private long ps;
  private String markInstrument;
  private double mark;

  void reset(PortfolioView portfolio) {
    book = portfolio;
    versionKnown = false;
    navAccount = null;
    cashAccount = null;
    openAccount = null;
    realizedAccount = null;
    unrealizedAccount = null;
    for (int i = 0; i < 2; i++) {
      longAccount[i] = null;
      shortAccount[i] = null;
      grossAccount[i] = null;
      netAccount[i] = null;
      sectorAccount[i] = null;
      issuerAccount[i] = null;
    }
    qAccount = null;
    pbAccount = null;
    psAccount = null;
    markInstrument = null;
  }

  /** Drops the reference to the book after a check. */
  void release() {
    book = null;
  }

  @Override
  public long positionsVersion() {
    if (!versionKnown) {
      version = book.positionsVersion();
      versionKnown = true;
    }
    return version;
  }

  @Override
  public double cash(String account) {
    if (account != cashAccount) {
      cash = book.cash(account);
      cashAccount = account;
    }
    return cash;
  }

  @Override
  public double nav(String account) {
    if (account != navAccount) {
      nav = book.nav(account);
      navAccount = account;
    }
    return nav;
  }

  @Override
  public double longExposure(String account, ExposureBasis basis) {
    int b = basis.ordinal();
    if (account != longAccount[b]) {
      longValue[b] = book.longExposure(account, basis);
      longAccount[b] = account;
    }
    return longValue[b];
  }

  @Override
  public double shortExposure(String account, ExposureBasis basis) {
    int b = basis.ordinal();
    if (account != shortAccount[b]) {
      shortValue[b] = book.shortExposure(account, basis);
      shortAccount[b] = account;
    }
    return shortValue[b];
  }

  @Override
  public double grossExposure(String account, ExposureBasis basis) {
    int b = basis.ordinal();
    if (account != grossAccount[b]) {
      grossValue[b] = book.grossExposure(account, basis);
      grossAccount[b] = account;
    }
    return grossValue[b];
  }

  @Override
  public double netExposure(String account, ExposureBasis basis) {
    int b = basis.ordinal();
    if (account != netAccount[b]) {
      netValue[b] = book.netExposure(account, basis);
      netAccount[b] = account;
    }
    return netValue[b];
  }

  @Override
  public double sectorExposure(String account, String sector, ExposureBasis basis) {
    int b = basis.ordinal();
    if (account != sectorAccount[b] || sector != sectorKey[b]) {
      sectorValue[b] = book.sectorExposure(account, sector, basis);
      sectorAccount[b] = account;
      sectorKey[b] = sector;
    }
    return sectorValue[b];
  }

  @Override
  public double issuerExposure(String account, String issuer, ExposureBasis basis) {
    int b = basis.ordinal();
    if (account != issuerAccount[b] || issuer != issuerKey[b]) {
      issuerValue[b] = book.issuerExposure(account, issuer, basis);
      issuerAccount[b] = account;
      issuerKey[b] = issuer;
    }
    return issuerValue[b];
  }

  @Override
  public long quantity(String account, String instrumentId) {
    if (account != qAccount || instrumentId != qInstrument) {
      q = book.quantity(account, instrumentId);
      qAccount = account;
      qInstrument = instrumentId;
    }
    return q;
  }

  @Override
  public long pendingBuyQuantity(String account, String instrumentId) {
    if (account != pbAccount || instrumentId != pbInstrument) {
      pb = book.pendingBuyQuantity(account, instrumentId);
      pbAccount = account;
      pbInstrument = instrumentId;
    }
    return pb;
  }

  @Override
  public long pendingSellQuantity(String account, String instrumentId) {
    if (account != psAccount || instrumentId != psInstrument) {
      ps = book.pendingSellQuantity(account, instrumentId);
      psAccount = account;
      psInstrument = instrumentId;
    }
    return ps;
  }

  @Override
  public int openOrderCount(String account) {
    if (account != openAccount) {
      open = book.openOrderCount(account);
      openAccount = account;
    }
    return open;
  }

  @Override
  public double markPrice(String instrumentId) {
    if (instrumentId != markInstrument) {
      mark = book.markPrice(instrumentId);
      markInstrument = instrumentId;
    }
    return mark;
  }

  @Override
  public double realizedPnl(String account) {
    if (account != realizedAccount) {
      realized = book.realizedPnl(account);
      realizedAccount = account;
    }
    return realized;
  }

  @Override
  public double unrealizedPnl(String account) {
    if (account != unrealizedAccount) {
      unrealized = book.unrealizedPnl(account);
      unrealizedAccount = account;
    }
    return unrealized;
  }

  @Override
  public void forEachPosition(String account, PositionVisitor visitor) {
    book.forEachPosition(account, visitor);
  }
}
