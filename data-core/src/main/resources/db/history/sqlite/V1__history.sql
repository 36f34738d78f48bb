-- History store schema, SQLite flavour (the embedded default). Keep in step with ../postgresql.
-- Bars are clustered on (instrument, interval, start): WITHOUT ROWID stores each row in the primary-key
-- b-tree, so a range read of one instrument is one contiguous scan.
CREATE TABLE instruments (
  iid INTEGER PRIMARY KEY,
  instrument_id TEXT NOT NULL UNIQUE
);

-- ivl is the interval length in seconds (86400 = DAILY); ts is the start in epoch milliseconds (UTC).
-- vwap is NULL when unknown.
CREATE TABLE bars (
  iid INTEGER NOT NULL,
  ivl INTEGER NOT NULL,
  ts BIGINT NOT NULL,
  open_px DOUBLE PRECISION NOT NULL,
  high_px DOUBLE PRECISION NOT NULL,
  low_px DOUBLE PRECISION NOT NULL,
  close_px DOUBLE PRECISION NOT NULL,
  volume BIGINT NOT NULL,
  vwap DOUBLE PRECISION,
  PRIMARY KEY (iid, ivl, ts)
) WITHOUT ROWID;

-- kind is SPLIT or CASH_DIVIDEND; ex_day is the ex-date as an epoch day.
CREATE TABLE corporate_actions (
  iid INTEGER NOT NULL,
  ex_day INTEGER NOT NULL,
  kind TEXT NOT NULL,
  amount DOUBLE PRECISION NOT NULL,
  PRIMARY KEY (iid, ex_day, kind)
) WITHOUT ROWID;

CREATE TABLE quality_reports (
  report_id INTEGER PRIMARY KEY,
  run_at BIGINT NOT NULL,
  from_day INTEGER NOT NULL,
  to_day INTEGER NOT NULL,
  bars_checked BIGINT NOT NULL,
  issue_count BIGINT NOT NULL,
  report_json TEXT NOT NULL
);

CREATE TABLE maintenance_runs (
  run_id INTEGER PRIMARY KEY,
  run_at BIGINT NOT NULL,
  summary_json TEXT NOT NULL
);
