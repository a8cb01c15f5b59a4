package io.cloudshift.schema;

/** Why an input row was quarantined. Each code has a test that produces it. */
public enum ReasonCode {
  /** The CSV parser could not split the record (unbalanced quotes, broken encoding). */
  MALFORMED_ROW,
  /**
   * A CSV cell holds bytes that are not valid in the export's encoding
   * (cloudshift.exports[].encoding).
   */
  BAD_ENCODING,
  /** The file lacks a mandatory FOCUS column; every row of the file is quarantined. */
  MISSING_COLUMN,
  /**
   * The file names a FOCUS column twice (in any case), so which one holds the value is ambiguous;
   * every row of the file.
   */
  DUPLICATE_COLUMN,
  /** A mandatory money or key value is null. */
  NULL_REQUIRED,
  /** A cost is not a plain decimal number (e.g. "$10,000.00 "). */
  BAD_NUMBER,
  /**
   * A cost of 10^15 or more in absolute value: no charge line is that large, and sums of such
   * values could overflow.
   */
  AMOUNT_OUT_OF_RANGE,
  /** A timestamp is not ISO 8601 (e.g. "5/1/25"). */
  BAD_DATETIME,
  /**
   * A period ends before it starts, or its billing month is outside
   * cloudshift.focus.billing-months.
   */
  BAD_PERIOD,
  /** BillingPeriodStart's month is not the billing period the row's delivery folder names. */
  PERIOD_MISMATCH,
  /** BillingCurrency is not an ISO 4217 national currency. */
  UNKNOWN_CURRENCY,
  /** ChargeCategory or ChargeClass holds a value FOCUS does not define. */
  BAD_ENUM,
  /**
   * A whole file cannot be read (not gzip, a truncated gzip, not Parquet): one row for the file, no
   * billing month.
   */
  UNREADABLE_FILE,
  /**
   * Two files of one delivery whose names differ only by a compression suffix ({@code x.csv} beside
   * {@code x.csv.gz}, a {@code gunzip -k} leftover): the same data twice, so the export is held
   * back.
   */
  DUPLICATE_FILE,
  /** A multi-provider export has a row whose provider column maps to no configured provider. */
  UNKNOWN_PROVIDER,
  /** Two partnership records of one lab and provider are in force at the same time. */
  OVERLAPPING_TERMS,
  /** A fraction (revenue share, equity) outside [0, 1]. */
  BAD_SHARE,
  /** An amount that must not be negative is negative. */
  NEGATIVE_AMOUNT,
  /** A date is not yyyy-MM-dd. */
  BAD_DATE,
  /** A reference rate date appears on two lines of the rates file. */
  DUPLICATE_DATE,
  /** A value outside the allowed set (exclusivity, confidence, metric, lab, provider). */
  BAD_VALUE
}
