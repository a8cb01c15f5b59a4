package io.cloudshift.generate;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Text forms shared by the export CSVs and the truth CSVs: RFC 4180 fields (quoted only when they
 * hold a comma, quote or line break; quotes doubled), plain decimals with at most 6 fraction
 * digits, FOCUS timestamps yyyy-MM-ddTHH:mm:ssZ, and null as an empty cell.
 */
final class CsvFormat {
  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

  private CsvFormat() {}

  static String line(List<String> fields) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      out.append(field(fields.get(i)));
    }
    return out.append('\n').toString();
  }

  static String field(String value) {
    if (value == null) {
      return "";
    }
    if (value.indexOf(',') >= 0
        || value.indexOf('"') >= 0
        || value.indexOf('\n') >= 0
        || value.indexOf('\r') >= 0) {
      return '"' + value.replace("\"", "\"\"") + '"';
    }
    return value;
  }

  static String decimal(BigDecimal value) {
    if (value == null) {
      return null;
    }
    BigDecimal rounded = value.setScale(6, RoundingMode.HALF_EVEN);
    return rounded.signum() == 0 ? "0" : rounded.stripTrailingZeros().toPlainString();
  }

  static String timestamp(Instant value) {
    return value == null ? null : TIMESTAMP.format(value);
  }

  /** The text of any typed cell value. */
  static String text(Object value) {
    if (value instanceof BigDecimal decimal) {
      return decimal(decimal);
    }
    if (value instanceof Instant instant) {
      return timestamp(instant);
    }
    return value == null ? null : value.toString();
  }
}
