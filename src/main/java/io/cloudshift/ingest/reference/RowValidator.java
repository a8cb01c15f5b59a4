package io.cloudshift.ingest.reference;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.monotonically_increasing_id;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.substring;
import static org.apache.spark.sql.functions.to_json;
import static org.apache.spark.sql.functions.when;

import io.cloudshift.schema.ReasonCode;
import io.cloudshift.schema.RejectedColumns;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Applies a curated input's {@link Rules} to every row (read as text) and marks the rows that break
 * one. Each row gets one reason code, the first broken rule in list order, and a detail listing
 * every broken rule, so a curator fixes a row in one pass.
 *
 * <p>The work is staged in separate projections (raw + trimmed text → parsed values → failure flags
 * → reason) so each value is computed once: one inlined expression tree would exceed the JVM's 64
 * KB method limit in Spark's generated code. For the same reason the accepted/rejected filters also
 * read the row id, which is non-deterministic and computed last: the optimizer cannot push a filter
 * below it, which would inline every stage back into the filter.
 */
final class RowValidator {
  /**
   * Identifies a row within one evaluation of the input (joins a record to itself across the
   * overlap check). Stable across re-evaluations: no shuffle precedes it, and a multi-line CSV file
   * is read as one unsplit partition, so the same file always yields the same ids.
   */
  static final String ROW_ID = "_row_id";

  /** The row as read: JSON object of every file column (nulls kept), for the quarantine. */
  static final String RAW = "_raw";

  static final String REASON_CODE = "_reason_code";
  static final String REASON_DETAIL = "_reason_detail";

  /** Filled by the CSV reader when a record does not split into the header's columns. */
  static final String CORRUPT_RECORD = "_corrupt_record";

  private static final String TYPED_PREFIX = "_typed_";
  private static final String FAILED_PREFIX = "_failed_";
  private static final Map<String, String> JSON_OPTIONS = Map.of("ignoreNullFields", "false");
  private static final int CORRUPT_RECORD_EXCERPT = 200;

  private RowValidator() {}

  /** The parsed value of {@code column}, as computed by its parser in {@link Rules}. */
  static Column typed(String column) {
    return col(TYPED_PREFIX + column);
  }

  /**
   * The rules' columns as trimmed text (null when empty), their parsed values ({@link #typed}), the
   * derived helper columns, and {@link #RAW}, {@link #REASON_CODE}, {@link #REASON_DETAIL}, {@link
   * #ROW_ID}.
   */
  static Dataset<Row> validate(Dataset<Row> input, Rules rules) {
    boolean hasCorruptColumn = Arrays.asList(input.columns()).contains(CORRUPT_RECORD);
    List<String> fileColumns =
        Arrays.stream(input.columns()).filter(c -> !c.equals(CORRUPT_RECORD)).toList();

    List<Column> texts = new ArrayList<>();
    texts.add(
        to_json(struct(fileColumns.stream().map(c -> col(c)).toArray(Column[]::new)), JSON_OPTIONS)
            .as(RAW));
    texts.add(hasCorruptColumn ? col(CORRUPT_RECORD) : lit(null).cast("string").as(CORRUPT_RECORD));
    rules.columns().forEach(c -> texts.add(Parse.text(col(c)).as(c)));
    Dataset<Row> rows = input.select(texts.toArray(Column[]::new));

    List<Column> parsed = new ArrayList<>(List.of(col("*")));
    for (Map.Entry<String, Function<Column, Column>> parser : rules.parsers().entrySet()) {
      parsed.add(parser.getValue().apply(col(parser.getKey())).as(TYPED_PREFIX + parser.getKey()));
    }
    rows = rows.select(parsed.toArray(Column[]::new));

    // One at a time, in order: a derived column may use the ones before it.
    for (Map.Entry<String, Column> derived : rules.derived().entrySet()) {
      rows = rows.withColumn(derived.getKey(), derived.getValue());
    }

    List<Check> checks = new ArrayList<>();
    checks.add(malformed(fileColumns.size()));
    checks.addAll(rules.checks());
    List<Column> flags = new ArrayList<>(List.of(col("*")));
    for (int i = 0; i < checks.size(); i++) {
      flags.add(checks.get(i).failed().as(FAILED_PREFIX + i));
    }
    rows = rows.select(flags.toArray(Column[]::new));

    Column code = null;
    List<Column> details = new ArrayList<>();
    for (int i = 0; i < checks.size(); i++) {
      Column failed = col(FAILED_PREFIX + i);
      Column name = lit(checks.get(i).code().name());
      code = code == null ? when(failed, name) : code.when(failed, name);
      details.add(when(failed, checks.get(i).detail()));
    }
    String[] flagNames = new String[checks.size()];
    Arrays.setAll(flagNames, i -> FAILED_PREFIX + i);
    return rows.select(
            col("*"),
            code.as(REASON_CODE),
            when(code.isNotNull(), concat_ws("; ", details.toArray(Column[]::new)))
                .as(REASON_DETAIL),
            monotonically_increasing_id().as(ROW_ID))
        .drop(flagNames);
  }

  /** Rows that passed every check. */
  static Dataset<Row> accepted(Dataset<Row> validated) {
    return validated.filter(keepStages(col(REASON_CODE).isNull()));
  }

  /** Rows that broke a check, as (reason_code, reason_detail, raw) for the quarantine. */
  static Dataset<Row> rejected(Dataset<Row> validated) {
    return validated
        .filter(keepStages(col(REASON_CODE).isNotNull()))
        .select(
            col(REASON_CODE).as(RejectedColumns.REASON_CODE),
            col(REASON_DETAIL).as(RejectedColumns.REASON_DETAIL),
            col(RAW).as(RejectedColumns.RAW));
  }

  /**
   * {@code condition}, plus an always-true test of the row id: with it the filter needs the
   * non-deterministic row id, so column pruning keeps it and the optimizer cannot push the filter
   * down (and inline the stages into it). Without it, a count over rejected rows would do both.
   */
  private static Column keepStages(Column condition) {
    return condition.and(col(ROW_ID).geq(lit(0L)));
  }

  private static Check malformed(int columns) {
    return Check.of(
        ReasonCode.MALFORMED_ROW,
        col(CORRUPT_RECORD).isNotNull(),
        concat(
            lit(
                "the CSV record does not split into the header's "
                    + columns
                    + " columns (check quotes and commas): "),
            coalesce(substring(col(CORRUPT_RECORD), 1, CORRUPT_RECORD_EXCERPT), lit(""))));
  }
}
