package io.cloudshift.ingest.reference;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;

import io.cloudshift.schema.ReasonCode;
import java.math.BigDecimal;
import java.util.List;
import org.apache.spark.sql.Column;

/**
 * One validation rule of a curated input row (docs/guarantees.md: bad input gets a quarantine row
 * with a reason code). {@code failed} is true when the row breaks the rule (null counts as passed,
 * so a rule on an optional column holds for an empty cell); {@code detail} names the column and the
 * value. Rules read the trimmed text of a column ({@code col(name)}) and its parsed value ({@link
 * RowValidator#typed(String)}), which {@link Rules} computes once per row.
 */
record Check(ReasonCode code, Column failed, Column detail) {

  static Check of(ReasonCode code, Column failed, Column detail) {
    return new Check(code, coalesce(failed, lit(false)), detail);
  }

  /** NULL_REQUIRED when the cell is empty. */
  static Check required(String column) {
    return of(
        ReasonCode.NULL_REQUIRED,
        col(column).isNull(),
        lit(column + " is empty (a value is required)"));
  }

  /** BAD_DATE when a non-empty cell is not a yyyy-MM-dd calendar date. */
  static Check date(String column) {
    return unreadable(ReasonCode.BAD_DATE, column, "is not a date in yyyy-MM-dd form");
  }

  /** BAD_NUMBER when a non-empty cell is not a plain number (e.g. "$4B", "4,000,000"). */
  static Check number(String column) {
    return unreadable(
        ReasonCode.BAD_NUMBER, column, "is not a number (write plain digits, e.g. 4000000000)");
  }

  /** BAD_NUMBER when a non-empty cell is not a whole number. */
  static Check wholeNumber(String column) {
    return unreadable(ReasonCode.BAD_NUMBER, column, "is not a whole number");
  }

  /** BAD_VALUE when a non-empty cell is not one of {@code allowed} (case-insensitive). */
  static Check oneOf(String column, List<String> allowed) {
    return unreadable(ReasonCode.BAD_VALUE, column, "is not one of " + String.join(", ", allowed));
  }

  /** NEGATIVE_AMOUNT when a readable amount is below zero. */
  static Check nonNegative(String column) {
    return of(
        ReasonCode.NEGATIVE_AMOUNT,
        RowValidator.typed(column).lt(lit(BigDecimal.ZERO)),
        quoted(column, "is negative (amounts are USD, zero or more)"));
  }

  /** BAD_SHARE when a non-empty cell is not a fraction in [0, 1] (e.g. "20%", "1.2", "x"). */
  static Check share(String column) {
    Column value = RowValidator.typed(column);
    return of(
        ReasonCode.BAD_SHARE,
        col(column)
            .isNotNull()
            .and(
                value
                    .isNull()
                    .or(value.lt(lit(BigDecimal.ZERO)))
                    .or(value.gt(lit(BigDecimal.ONE)))),
        quoted(column, "is not a fraction between 0 and 1 (write 0.20 for 20 %)"));
  }

  /** "column='value' reason", with the cell's text. */
  static Column quoted(String column, String reason) {
    return concat(lit(column + "='"), coalesce(col(column), lit("")), lit("' " + reason));
  }

  /** {@code code} when the cell has text but its parser could not read it. */
  private static Check unreadable(ReasonCode code, String column, String reason) {
    return of(
        code,
        col(column).isNotNull().and(RowValidator.typed(column).isNull()),
        quoted(column, reason));
  }
}
