package io.cloudshift.audit;

import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;

import io.cloudshift.schema.ChargeColumns;
import io.cloudshift.schema.Columns;
import io.cloudshift.schema.RestatementsTable;
import io.cloudshift.schema.UpliftMonthlyTable;
import io.cloudshift.schema.UpliftQuarterlyTable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * What changed between two runs (docs/operations.md#what-changed-between-two-runs): every figure of
 * uplift_quarterly that differs between the versions two runs committed, and the restated slices
 * that explain it, those of the same lab and stream whose billing month the figure sums.
 */
public final class RunChanges {
  /** What identifies a figure: the event, the stream, the model and the quarter. */
  public static final List<String> KEY =
      List.of(
          Columns.EVENT_ID,
          Columns.LAB,
          Columns.PROVIDER,
          Columns.STREAM,
          UpliftMonthlyTable.MODEL,
          Columns.QUARTER_BASIS,
          Columns.QUARTER_LABEL,
          Columns.REPORTING_CURRENCY);

  /** The figures compared: R, T, the net revenues, U and its three effects. */
  public static final List<String> FIGURES =
      List.of(
          Columns.BILLED_REVENUE,
          Columns.LAB_STREAM_TOTAL,
          UpliftMonthlyTable.NET_ACTUAL,
          UpliftMonthlyTable.NET_COUNTERFACTUAL,
          UpliftMonthlyTable.UPLIFT,
          UpliftMonthlyTable.VOLUME_EFFECT,
          UpliftMonthlyTable.SHARE_EFFECT,
          UpliftMonthlyTable.MARGIN_EFFECT);

  public static final String FIGURE = "figure";
  public static final String BEFORE = "before";
  public static final String AFTER = "after";
  public static final String CHANGE = "change";
  public static final String SLICES = "restated_slices";
  public static final String SLICE_CHANGE = "revenue_change_reporting";

  private RunChanges() {}

  /**
   * One row per key and figure whose value differs between {@code before} and {@code after} (two
   * versions of uplift_quarterly; a row only one holds counts as null in the other), with the
   * months it sums; change = after − before, a missing value counted as zero.
   */
  public static Dataset<Row> movedFigures(Dataset<Row> before, Dataset<Row> after) {
    Dataset<Row> b = before.select(columns("b_"));
    Dataset<Row> a = after.select(columns("a_"));
    Column sameKey =
        KEY.stream()
            .map(k -> col("b_" + k).eqNullSafe(col("a_" + k)))
            .reduce(Column::and)
            .orElseThrow();
    Dataset<Row> joined = b.join(a, sameKey, "full_outer");
    List<Column> common = new ArrayList<>();
    KEY.forEach(k -> common.add(coalesce(col("a_" + k), col("b_" + k)).as(k)));
    for (String month :
        List.of(UpliftQuarterlyTable.FIRST_MONTH, UpliftQuarterlyTable.LAST_MONTH)) {
      common.add(coalesce(col("a_" + month), col("b_" + month)).as(month));
    }
    Dataset<Row> moved = null;
    for (String figure : FIGURES) {
      List<Column> select = new ArrayList<>(common);
      select.add(lit(figure).as(FIGURE));
      select.add(col("b_" + figure).as(BEFORE));
      select.add(col("a_" + figure).as(AFTER));
      Dataset<Row> one =
          joined
              .select(select.toArray(Column[]::new))
              .where(not(col(BEFORE).eqNullSafe(col(AFTER))));
      moved = moved == null ? one : moved.unionByName(one);
    }
    Column zero = lit(BigDecimal.ZERO);
    return moved.withColumn(CHANGE, coalesce(col(AFTER), zero).minus(coalesce(col(BEFORE), zero)));
  }

  /**
   * {@code moved} with the restated slices that explain each figure (an array, in order of billing
   * month, export and run; empty when none does): slices of {@code restatements} of the figure's
   * lab and stream whose billing month lies within its months, each with its revenue change in the
   * reporting currency summed over providers' groups of the slice.
   */
  public static Dataset<Row> explained(Dataset<Row> moved, Dataset<Row> restatements) {
    Column zero = lit(BigDecimal.ZERO);
    Dataset<Row> slices =
        restatements
            .groupBy(
                col(Columns.RUN_ID),
                col(Columns.EXPORT_ID),
                col(ChargeColumns.BILLING_MONTH),
                col(Columns.PROVIDER),
                col(Columns.LAB).as("s_lab"),
                col(Columns.STREAM).as("s_stream"))
            .agg(
                sum(coalesce(col(RestatementsTable.REPORTING_AFTER), zero)
                        .minus(coalesce(col(RestatementsTable.REPORTING_BEFORE), zero)))
                    .as(SLICE_CHANGE));
    Column within =
        col("s_lab")
            .eqNullSafe(col(Columns.LAB))
            .and(col("s_stream").equalTo(col(Columns.STREAM)))
            .and(
                col(ChargeColumns.BILLING_MONTH)
                    .between(
                        col(UpliftQuarterlyTable.FIRST_MONTH),
                        col(UpliftQuarterlyTable.LAST_MONTH)));
    Column[] figure =
        Stream.of(moved.columns()).map(org.apache.spark.sql.functions::col).toArray(Column[]::new);
    Dataset<Row> withSlices =
        moved.join(
            slices.select(
                col("s_lab"),
                col("s_stream"),
                col(ChargeColumns.BILLING_MONTH),
                struct(
                        col(ChargeColumns.BILLING_MONTH),
                        col(Columns.EXPORT_ID),
                        col(Columns.RUN_ID),
                        col(Columns.PROVIDER).as("slice_provider"),
                        col(SLICE_CHANGE))
                    .as("slice")),
            within,
            "left");
    return withSlices.groupBy(figure).agg(array_sort(collect_list(col("slice"))).as(SLICES));
  }

  private static Column[] columns(String prefix) {
    return Stream.of(
            KEY.stream(),
            Stream.of(UpliftQuarterlyTable.FIRST_MONTH, UpliftQuarterlyTable.LAST_MONTH),
            FIGURES.stream())
        .flatMap(s -> s)
        .map(c -> col(c).as(prefix + c))
        .toArray(Column[]::new);
  }
}
