package io.cloudshift.ingest;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import io.cloudshift.config.BillingPeriodRange;
import io.cloudshift.io.ConcurrentWriteException;
import io.cloudshift.schema.ChargeColumns;
import io.cloudshift.schema.Columns;
import io.cloudshift.schema.Tables;
import io.cloudshift.testing.DataFrameAssertions;
import io.cloudshift.testing.FocusCsv;
import io.cloudshift.testing.Slow;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two ingests of one warehouse at once, in one Spark application (docs/guarantees.md, single
 * writer): each commit is checked by Delta's optimistic concurrency and a rejected one is written
 * again on the newer snapshot, so both runs succeed (or one fails with a one-line retryable error)
 * and no row is lost or doubled. August holds 3 rows (1 + 2 + 3), September 2 (10 + 20).
 */
@Slow
class ConcurrentRunsTest {
  private static final List<String> SILVER =
      List.of(Tables.CHARGES, Tables.REJECTED_CHARGES, Tables.CHARGES_MONTHLY);

  @TempDir Path dir;
  private IngestHarness harness;

  @BeforeEach
  void twoMonths() throws Exception {
    harness = new IngestHarness(dir, Map.of("azure-test", "azure csv"));
    month("2024-08", "1", "2", "3")
        .write(harness.export("azure-test").resolve("billing_period=2024-08/a.csv"));
    month("2024-09", "10", "20")
        .row("BilledCost", "oops")
        .write(harness.export("azure-test").resolve("billing_period=2024-09/a.csv"));
  }

  private static FocusCsv month(String month, String... costs) {
    FocusCsv csv = FocusCsv.focus12();
    for (String cost : costs) {
      csv.row(
          "BilledCost",
          cost,
          "EffectiveCost",
          cost,
          "BillingPeriodStart",
          month + "-01T00:00:00Z",
          "BillingPeriodEnd",
          java.time.YearMonth.parse(month).plusMonths(1) + "-01T00:00:00Z",
          "ChargePeriodStart",
          month + "-02T00:00:00Z",
          "ChargePeriodEnd",
          month + "-03T00:00:00Z");
    }
    return csv;
  }

  /**
   * Runs both at once; each either succeeds or fails with the retryable one-line error, which a
   * retry then fixes.
   */
  private void atOnce(String periodA, String periodB) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<?>> runs = new ArrayList<>();
      for (String period : List.of(periodA, periodB)) {
        Callable<Object> run = () -> harness.ingest("run", BillingPeriodRange.parse(period));
        runs.add(pool.submit(run));
      }
      for (int i = 0; i < runs.size(); i++) {
        try {
          runs.get(i).get();
        } catch (java.util.concurrent.ExecutionException e) {
          assertThat(e.getCause())
              .isInstanceOf(ConcurrentWriteException.class)
              .hasMessageNotContaining("\n");
          harness.ingest("run", BillingPeriodRange.parse(i == 0 ? periodA : periodB));
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private Map<String, List<Row>> snapshot() {
    Map<String, List<Row>> rows = new java.util.TreeMap<>();
    for (String table : SILVER) {
      rows.put(table, harness.table(table).collectAsList());
    }
    return rows;
  }

  private void assertTablesEqual(Map<String, List<Row>> expected) {
    for (String table : SILVER) {
      Dataset<Row> actual = harness.table(table);
      DataFrameAssertions.assertSameRows(
          actual, actual.sparkSession().createDataFrame(expected.get(table), actual.schema()));
    }
  }

  @Test
  void twoRunsForDifferentPeriodsAtOnceGiveTheTablesOfOneRun() throws Exception {
    harness.ingest("run");
    Map<String, List<Row>> once = snapshot();

    atOnce("2024-08", "2024-09");

    assertTablesEqual(once);
    assertThat(
            harness
                .table(Tables.CHARGES)
                .where(col(ChargeColumns.BILLING_MONTH).equalTo("2024-08-01"))
                .count())
        .isEqualTo(3);
    assertThat(
            harness
                .table(Tables.CHARGES)
                .where(col(ChargeColumns.BILLING_MONTH).equalTo("2024-09-01"))
                .count())
        .isEqualTo(2);
  }

  @Test
  void twoRunsForTheSamePeriodAtOnceOnAnEmptyWarehouseNeverDoubleARow() throws Exception {
    atOnce("2024-09", "2024-09");

    assertThat(harness.table(Tables.CHARGES).count())
        .as("September's two clean rows, once")
        .isEqualTo(2);
    assertThat(harness.table(Tables.REJECTED_CHARGES).count())
        .as("its one bad row, once")
        .isEqualTo(1);
    assertThat(
            harness
                .table(Tables.CHARGES_MONTHLY)
                .agg(org.apache.spark.sql.functions.sum(Columns.BILLED_REVENUE))
                .head()
                .getDecimal(0))
        .isEqualByComparingTo("30");
  }
}
