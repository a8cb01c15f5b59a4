package io.cloudshift.ingest.reference;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.filter;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.regexp_replace;
import static org.apache.spark.sql.functions.split;
import static org.apache.spark.sql.functions.transform;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.when;

import io.cloudshift.config.LabNames;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;

/**
 * Typed values from the text cells of a curated CSV. Every parser yields null for a value it cannot
 * read (try_cast, never cast), so Spark's ANSI mode never throws on bad input: the matching {@link
 * Check} turns that null into a quarantine reason. Parsers take the trimmed text.
 */
final class Parse {
  /**
   * Strict ISO calendar date: Spark's own cast would also accept "2024-1-5" or "2024-01-05T10:00".
   */
  static final String DATE_PATTERN = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$";

  private Parse() {}

  /**
   * The cell trimmed; an empty or blank cell is null (docs/methodology.md#inputs: empty cell = no
   * value).
   */
  static Column text(Column cell) {
    Column trimmed = trim(cell);
    return when(trimmed.notEqual(lit("")), trimmed);
  }

  /** A yyyy-MM-dd date; null when empty, in another format or not a calendar day (2025-02-30). */
  static Column date(Column text) {
    return when(text.rlike(DATE_PATTERN), text.try_cast(DataTypes.DateType));
  }

  /**
   * A plain decimal number (scientific notation accepted); null when empty, not a number or too
   * large.
   */
  static Function<Column, Column> decimal(DecimalType type) {
    return text -> text.try_cast(type);
  }

  /** A whole number; null when empty or not a whole number that fits an int. */
  static Column integer(Column text) {
    return when(text.rlike("^[+-]?[0-9]+$"), text.try_cast(DataTypes.IntegerType));
  }

  /**
   * A lab name in its one spelling ({@link io.cloudshift.config.LabNames}): matched ignoring case
   * and runs of spaces; a name no attribution rule uses is kept as written (and reported by the
   * ingest).
   */
  static Function<Column, Column> lab(LabNames labs) {
    return text -> {
      Column key = lower(regexp_replace(text, "\\s+", " "));
      Column result = null;
      for (Map.Entry<String, String> e : new TreeMap<>(labs.byMatchKey()).entrySet()) {
        Column match = key.equalTo(lit(e.getKey()));
        result =
            result == null ? when(match, lit(e.getValue())) : result.when(match, lit(e.getValue()));
      }
      return result == null ? text : result.otherwise(text);
    };
  }

  /**
   * The allowed value the cell names, compared case-insensitively, spelled as in {@code allowed}
   * ("Exclusive" → "exclusive"); null when empty or not allowed.
   */
  static Function<Column, Column> oneOf(List<String> allowed) {
    return text -> {
      Column key = lower(text);
      Column result = null;
      for (String value : allowed) {
        Column match = key.equalTo(lit(value.toLowerCase(Locale.ROOT)));
        result = result == null ? when(match, lit(value)) : result.when(match, lit(value));
      }
      return result == null ? lit(null).cast(DataTypes.StringType) : result;
    };
  }

  /** A ';'-separated list, items trimmed, empty items dropped; an empty cell is an empty list. */
  static Column list(Column text) {
    Column items =
        filter(transform(split(text, ";"), item -> trim(item)), item -> item.notEqual(lit("")));
    return when(text.isNull(), array().cast(DataTypes.createArrayType(DataTypes.StringType)))
        .otherwise(items);
  }
}
