package io.cloudshift.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudshift.schema.ChargeColumns;
import io.cloudshift.schema.Columns;
import io.cloudshift.schema.RestatementsTable;
import io.cloudshift.schema.UpliftMonthlyTable;
import io.cloudshift.schema.UpliftQuarterlyTable;
import io.cloudshift.testing.SparkTestSession;
import java.math.BigDecimal;
import java.sql.Date;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/**
 * Issue 23, item 3: "what changed between run A and run B", by hand. Two versions of two
 * uplift_quarterly rows of P13 in 2026Q3 (July to September), and four restated slices, two of
 * which explain the compute row (August, any provider: T sums them all), one the resale row, and
 * one (October) neither.
 */
class RunChangesTest {
  private static final StructType QUARTERLY = quarterlySchema();

  @Test
  void everyMovedFigureWithTheRestatedSlicesOfItsLabStreamAndMonths() {
    Dataset<Row> before =
        quarterly(
            row("compute", "50", "-100"), // R 50, U -100
            row("resale", "20", "10"));
    Dataset<Row> after = quarterly(row("compute", "55", "-90")); // the resale row is gone
    Dataset<Row> restatements =
        SparkTestSession.get()
            .createDataFrame(
                List.of(
                    slice("azure-focus", "2026-08-01", "azure", "compute", "40", "45"),
                    slice("gcp-focus", "2026-08-01", "gcp", "compute", "10", "12"),
                    slice("azure-focus", "2026-08-01", "azure", "resale", "8", "9"),
                    slice("azure-focus", "2026-10-01", "azure", "compute", "1", "100")),
                restatementSchema());

    List<String> moved =
        RunChanges.explained(RunChanges.movedFigures(before, after), restatements)
            .orderBy(Columns.STREAM, RunChanges.FIGURE)
            .collectAsList()
            .stream()
            .map(RunChangesTest::line)
            .toList();

    assertThat(moved)
        .containsExactly(
            // 55 - 50 and -90 - (-100); the October slice lies outside July to September.
            "compute billed_revenue 50 -> 55 (5) [2026-08-01 azure-focus 5, 2026-08-01 gcp-focus"
                + " 2]",
            "compute uplift -100 -> -90 (10) [2026-08-01 azure-focus 5, 2026-08-01 gcp-focus 2]",
            // A row only the earlier version holds: every figure of it moved to null (counted 0).
            "resale billed_revenue 20 -> null (-20) [2026-08-01 azure-focus 1]",
            "resale lab_stream_total 1 -> null (-1) [2026-08-01 azure-focus 1]",
            "resale margin_effect 1 -> null (-1) [2026-08-01 azure-focus 1]",
            "resale net_actual 1 -> null (-1) [2026-08-01 azure-focus 1]",
            "resale net_counterfactual 1 -> null (-1) [2026-08-01 azure-focus 1]",
            "resale share_effect 1 -> null (-1) [2026-08-01 azure-focus 1]",
            "resale uplift 10 -> null (-10) [2026-08-01 azure-focus 1]",
            "resale volume_effect 1 -> null (-1) [2026-08-01 azure-focus 1]");
  }

  @Test
  void identicalVersionsMoveNothing() {
    Dataset<Row> version = quarterly(row("compute", "50", "-100"), row("resale", "20", "10"));
    assertThat(RunChanges.movedFigures(version, version).count()).isZero();
  }

  private static String line(Row r) {
    List<String> slices = new ArrayList<>();
    for (Row s : r.<Row>getList(r.fieldIndex(RunChanges.SLICES))) {
      slices.add(
          s.getAs(ChargeColumns.BILLING_MONTH)
              + " "
              + s.getAs(Columns.EXPORT_ID)
              + " "
              + plain(s.getAs(RunChanges.SLICE_CHANGE)));
    }
    return String.join(
        " ",
        r.getAs(Columns.STREAM),
        r.getAs(RunChanges.FIGURE),
        plain(r.getAs(RunChanges.BEFORE)),
        "->",
        plain(r.getAs(RunChanges.AFTER)),
        "(" + plain(r.getAs(RunChanges.CHANGE)) + ")",
        slices.toString());
  }

  private static String plain(BigDecimal d) {
    return d == null ? "null" : d.stripTrailingZeros().toPlainString();
  }

  /** A P13 row of 2026Q3 in calendar quarters: R and U as given, every other figure 1. */
  private static Row row(String stream, String billed, String uplift) {
    List<Object> values = new ArrayList<>();
    values.addAll(List.of("P13", "OpenAI", "azure", stream, "frozen", "calendar", "2026Q3", "USD"));
    values.add(Date.valueOf("2026-07-01"));
    values.add(Date.valueOf("2026-09-01"));
    for (String figure : RunChanges.FIGURES) {
      values.add(
          new BigDecimal(
              figure.equals(Columns.BILLED_REVENUE)
                  ? billed
                  : figure.equals(UpliftMonthlyTable.UPLIFT) ? uplift : "1"));
    }
    return RowFactory.create(values.toArray());
  }

  private static Dataset<Row> quarterly(Row... rows) {
    return SparkTestSession.get().createDataFrame(List.of(rows), QUARTERLY);
  }

  private static StructType quarterlySchema() {
    StructType schema = new StructType();
    for (String key : RunChanges.KEY) {
      schema = schema.add(key, DataTypes.StringType);
    }
    schema =
        schema
            .add(UpliftQuarterlyTable.FIRST_MONTH, DataTypes.DateType)
            .add(UpliftQuarterlyTable.LAST_MONTH, DataTypes.DateType);
    for (String figure : RunChanges.FIGURES) {
      schema = schema.add(figure, DataTypes.createDecimalType(38, 12));
    }
    return schema;
  }

  private static Row slice(
      String export, String month, String provider, String stream, String before, String after) {
    return RowFactory.create(
        "run-B",
        export,
        Date.valueOf(month),
        provider,
        "OpenAI",
        stream,
        new BigDecimal(before),
        new BigDecimal(after));
  }

  private static StructType restatementSchema() {
    return new StructType()
        .add(Columns.RUN_ID, DataTypes.StringType)
        .add(Columns.EXPORT_ID, DataTypes.StringType)
        .add(ChargeColumns.BILLING_MONTH, DataTypes.DateType)
        .add(Columns.PROVIDER, DataTypes.StringType)
        .add(Columns.LAB, DataTypes.StringType)
        .add(Columns.STREAM, DataTypes.StringType)
        .add(RestatementsTable.REPORTING_BEFORE, DataTypes.createDecimalType(38, 12))
        .add(RestatementsTable.REPORTING_AFTER, DataTypes.createDecimalType(38, 12));
  }
}
