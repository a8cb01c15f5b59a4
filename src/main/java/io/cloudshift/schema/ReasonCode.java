package io.cloudshift.schema;

/** Why an input row was quarantined. Each code has a test that produces it. */
public enum ReasonCode {
  /** The CSV parser could not split the record (unbalanced quotes, broken encoding). */
  MALFORMED_ROW,
  /** The file lacks a mandatory FOCUS column; every row of the file is quarantined. */
  MISSING_COLUMN,
  /** A mandatory money or key value is null. */
  NULL_REQUIRED,
  /** A cost is not a plain decimal number (e.g. "$10,000.00 "). */
  BAD_NUMBER,
  /** A timestamp is not ISO 8601 (e.g. "5/1/25"). */
  BAD_DATETIME,
  /** A period ends before it starts. */
  BAD_PERIOD,
  /** BillingCurrency is not an ISO 4217 national currency. */
  UNKNOWN_CURRENCY,
  /** ChargeCategory or ChargeClass holds a value FOCUS does not define. */
  BAD_ENUM,
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
  /** A value outside the allowed set (exclusivity, confidence, metric, lab, provider). */
  BAD_VALUE
}
