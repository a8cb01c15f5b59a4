package io.cloudshift.generate;

/**
 * One column of a generated export: its FOCUS name, how its values are typed, and the version that
 * added it.
 */
record FocusColumn(String name, Type type, GeneratedFocusVersion since) {
  enum Type {
    /** Money and quantities: BigDecimal, written as plain decimals (Parquet: decimal). */
    DECIMAL,
    /** Period bounds: Instant, written as yyyy-MM-ddTHH:mm:ssZ (Parquet: timestamp). */
    TIMESTAMP,
    /** Everything else, JSON columns (Tags) included. */
    STRING
  }
}
