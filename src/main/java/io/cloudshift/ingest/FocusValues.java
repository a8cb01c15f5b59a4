package io.cloudshift.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.when;

import io.cloudshift.schema.ExactDecimal;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.NumericType;

/**
 * How one FOCUS cell is read (docs/ingest.md, "How ingest reads FOCUS"): blanks and null literals
 * are null, text is trimmed, money is a plain decimal (E-notation allowed), date-times are ISO 8601
 * with a {@code T} or a space and an optional zone (UTC when absent). Typed Parquet values need no
 * text round trip. A value that cannot be read is null, and the checks say why.
 */
final class FocusValues {
  /** Costs keep 12 fraction digits (AWS writes 6.123E-7); rounding happens only when reporting. */
  static final DataType MONEY = ExactDecimal.MONEY;

  // The validator's numeric format (docs/ingest.md, "How ingest reads FOCUS"): no symbols,
  // separators or spaces.
  private static final String NUMBER = "^[+-]?([0-9]*[.])?[0-9]+([eE][+-]?[0-9]+)?$";
  // ISO 8601 date-time with 'T' or a space, optional seconds/fraction, optional zone.
  private static final String DATETIME =
      "^[0-9]{4}-[0-9]{2}-[0-9]{2}(["
          + " T][0-9]{2}:[0-9]{2}(:[0-9]{2}([.][0-9]{1,9})?)?)?(Z|[+-][0-9]{2}:?[0-9]{2})?$";

  private FocusValues() {}

  /** Trimmed text; blank cells and the configured null literals are null. */
  static Column text(Column value, List<String> nullLiterals) {
    Column trimmed = trim(value.cast(DataTypes.StringType));
    return when(
            trimmed.equalTo("").or(trimmed.isin(nullLiterals.toArray())),
            lit(null).cast(DataTypes.StringType))
        .otherwise(trimmed);
  }

  /**
   * A money cell of the given type: typed numbers are cast (null when out of range), text must look
   * like a plain decimal.
   */
  static Column money(String column, DataType type, List<String> nullLiterals) {
    if (type instanceof NumericType) {
      return col(column).try_cast(MONEY);
    }
    Column text = text(col(column), nullLiterals);
    return when(text.rlike(NUMBER), text.try_cast(MONEY));
  }

  /** Whether text (a cell as read) is written as a plain decimal number, whatever its magnitude. */
  static Column isNumberText(Column text) {
    return trim(text.cast(DataTypes.StringType)).rlike(NUMBER);
  }

  /**
   * A date-time cell of the given type: typed timestamps and dates are taken as UTC, text must look
   * like ISO 8601.
   */
  static Column timestamp(String column, DataType type, List<String> nullLiterals) {
    if (type.equals(DataTypes.TimestampType)
        || type.equals(DataTypes.TimestampNTZType)
        || type.equals(DataTypes.DateType)) {
      return col(column).cast(DataTypes.TimestampType);
    }
    Column text = text(col(column), nullLiterals);
    return when(text.rlike(DATETIME), text.try_cast(DataTypes.TimestampType));
  }
}
