package io.cloudshift.ingest;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.regexp_extract;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import io.cloudshift.schema.ChargeColumns;
import io.cloudshift.schema.ChargesMonthlyTable;
import io.cloudshift.schema.Columns;
import io.cloudshift.schema.RestatementsTable;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The restatement trail (docs/operations.md#restatements): what silver held for the slices a run
 * replaces, compared with what it holds after, per provider × lab × stream × billing currency. A
 * slice is restated when it was held and any of its groups changed (rows, revenue, or the group
 * appeared or vanished); a slice replaced by identical rows (a rerun, a re-delivery of the same
 * rows) is not.
 */
final class Restatements {
  private static final String SLICE_CHANGED = "_slice_changed";
  private static final String HELD = "_held";
  private static final String BEFORE = RestatementsTable.BEFORE;
  private static final String AFTER = RestatementsTable.AFTER;
  private static final String RC = "_reporting_currency";

  /** The columns that identify a group of a slice. */
  private static final List<String> GROUP =
      List.of(
          Columns.EXPORT_ID,
          ChargeColumns.BILLING_MONTH,
          Columns.PROVIDER,
          Columns.LAB,
          Columns.STREAM,
          Columns.BILLING_CURRENCY);

  /** The delivery each slice comes from after the run: {@link #restated}'s {@code ingested}. */
  static final StructType INGESTED =
      new StructType()
          .add(Columns.EXPORT_ID, DataTypes.StringType)
          .add(ChargeColumns.BILLING_MONTH, DataTypes.DateType)
          .add(RestatementsTable.DELIVERY, DataTypes.StringType)
          .add(RestatementsTable.DELIVERY_MODIFIED_AT, DataTypes.TimestampType);

  private Restatements() {}

  /**
   * What silver holds for some slices: {@code monthly} (charges_monthly rows of the slices) summed
   * per group, with the run that wrote each slice and the delivery it came from, taken from {@code
   * charges} (silver rows of the same slices). A delivery is a file's folder, or the file itself
   * for the exports in {@code deliveredByFile}.
   */
  static Dataset<Row> held(
      Dataset<Row> monthly, Dataset<Row> charges, Set<String> deliveredByFile) {
    Column file = col(Columns.SOURCE_FILE);
    Column delivery =
        when(col(Columns.EXPORT_ID).isin(deliveredByFile.toArray()), file)
            .otherwise(regexp_extract(file, "^(.*)/[^/]*$", 1));
    Dataset<Row> slices =
        charges
            .groupBy(Columns.EXPORT_ID, ChargeColumns.BILLING_MONTH)
            .agg(
                max(Columns.RUN_ID).as(RestatementsTable.PREVIOUS_RUN_ID),
                min(delivery).as(RestatementsTable.PREVIOUS_DELIVERY));
    return summed(monthly)
        .join(slices, toSeq(names(Columns.EXPORT_ID, ChargeColumns.BILLING_MONTH)), "right");
  }

  /**
   * The restated slices' groups: {@code held} (as {@link #held} gave it before the run's write)
   * against {@code after} (charges_monthly rows of the same slices after it), with {@code
   * ingested}: the delivery each slice now comes from (export_id, billing_month, delivery,
   * delivery_modified_at); a held slice without one was withdrawn.
   */
  static Dataset<Row> restated(
      Dataset<Row> held, Dataset<Row> after, Dataset<Row> ingested, String runId) {
    Dataset<Row> before = side(held.where(col(Columns.PROVIDER).isNotNull()), BEFORE);
    Dataset<Row> now = side(summed(after), AFTER);
    Column sameGroup =
        GROUP.stream()
            .map(c -> before.col(c).eqNullSafe(now.col(c)))
            .reduce(Column::and)
            .orElseThrow();
    Column[] keys =
        GROUP.stream().map(c -> coalesce(before.col(c), now.col(c)).as(c)).toArray(Column[]::new);
    Column zero = lit(BigDecimal.ZERO);
    Dataset<Row> groups =
        before
            .join(now, sameGroup, "full_outer")
            .select(
                concat(
                    keys,
                    new Column[] {
                      coalesce(col(RC + BEFORE), col(RC + AFTER)).as(Columns.REPORTING_CURRENCY),
                      coalesce(col(RestatementsTable.ROWS_BEFORE), lit(0L))
                          .as(RestatementsTable.ROWS_BEFORE),
                      coalesce(col(RestatementsTable.ROWS_AFTER), lit(0L))
                          .as(RestatementsTable.ROWS_AFTER),
                      missingIsZero(before, RestatementsTable.BILLED_BEFORE, zero),
                      missingIsZero(now, RestatementsTable.BILLED_AFTER, zero),
                      missingIsZero(before, RestatementsTable.REPORTING_BEFORE, zero),
                      missingIsZero(now, RestatementsTable.REPORTING_AFTER, zero)
                    }));
    Column groupChanged =
        col(RestatementsTable.ROWS_BEFORE)
            .notEqual(col(RestatementsTable.ROWS_AFTER))
            .or(
                not(
                    col(RestatementsTable.BILLED_BEFORE)
                        .eqNullSafe(col(RestatementsTable.BILLED_AFTER))))
            .or(
                not(
                    col(RestatementsTable.REPORTING_BEFORE)
                        .eqNullSafe(col(RestatementsTable.REPORTING_AFTER))));
    Dataset<Row> slices =
        held.select(
                col(Columns.EXPORT_ID),
                col(ChargeColumns.BILLING_MONTH),
                col(RestatementsTable.PREVIOUS_RUN_ID),
                col(RestatementsTable.PREVIOUS_DELIVERY),
                lit(true).as(HELD))
            .distinct();
    Dataset<Row> changedSlices =
        groups
            .groupBy(Columns.EXPORT_ID, ChargeColumns.BILLING_MONTH)
            .agg(max(groupChanged).as(SLICE_CHANGED));
    List<String> slice = names(Columns.EXPORT_ID, ChargeColumns.BILLING_MONTH);
    return groups
        .join(changedSlices, toSeq(slice))
        .join(slices, toSeq(slice))
        .join(ingested, toSeq(slice), "left")
        .where(col(SLICE_CHANGED).and(col(HELD)))
        .withColumn(Columns.RUN_ID, lit(runId))
        .withColumn(
            RestatementsTable.STATUS,
            when(col(RestatementsTable.DELIVERY).isNull(), lit(RestatementsTable.WITHDRAWN))
                .otherwise(lit(RestatementsTable.RESTATED)));
  }

  /**
   * One side of the comparison: the groups of {@link #summed} with their amounts suffixed (the
   * restatements columns {@code charge_rows_before}, {@code billed_revenue_after}, …).
   */
  private static Dataset<Row> side(Dataset<Row> groups, String suffix) {
    List<Column> columns = new java.util.ArrayList<>();
    GROUP.forEach(c -> columns.add(col(c)));
    columns.add(col(Columns.REPORTING_CURRENCY).as(RC + suffix));
    for (String amount :
        List.of(ChargesMonthlyTable.CHARGE_ROWS, Columns.BILLED_REVENUE, reporting())) {
      columns.add(col(amount).as(amount + suffix));
    }
    return groups.select(columns.toArray(Column[]::new));
  }

  /**
   * charges_monthly summed per group; the reporting amount is null when any of its rows is (a rate
   * was missing), as everywhere else.
   */
  private static Dataset<Row> summed(Dataset<Row> monthly) {
    Column reporting = col(reporting());
    return monthly
        .withColumnRenamed(Columns.MONTH, ChargeColumns.BILLING_MONTH)
        .groupBy(GROUP.stream().map(org.apache.spark.sql.functions::col).toArray(Column[]::new))
        .agg(
            max(Columns.REPORTING_CURRENCY).as(Columns.REPORTING_CURRENCY),
            sum(ChargesMonthlyTable.CHARGE_ROWS).as(ChargesMonthlyTable.CHARGE_ROWS),
            sum(Columns.BILLED_REVENUE).as(Columns.BILLED_REVENUE),
            when(count(lit(1)).equalTo(count(reporting)), sum(reporting)).as(reporting()));
  }

  private static String reporting() {
    return Columns.BILLED_REVENUE + Columns.REPORTING_SUFFIX;
  }

  /** A group absent on one side counts as zero there; a null amount that is there stays null. */
  private static Column missingIsZero(Dataset<Row> side, String column, Column zero) {
    return when(side.col(Columns.EXPORT_ID).isNull(), zero).otherwise(col(column)).as(column);
  }

  private static Column not(Column c) {
    return org.apache.spark.sql.functions.not(c);
  }

  private static Column[] concat(Column[] a, Column[] b) {
    Column[] all = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }

  private static List<String> names(String... columns) {
    return List.of(columns);
  }

  private static scala.collection.immutable.Seq<String> toSeq(List<String> columns) {
    return scala.jdk.javaapi.CollectionConverters.asScala(columns).toList();
  }
}
