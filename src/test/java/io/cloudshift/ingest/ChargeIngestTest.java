package io.cloudshift.ingest;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudshift.audit.InputCount;
import io.cloudshift.config.BillingPeriodRange;
import io.cloudshift.config.CloudshiftConfig;
import io.cloudshift.io.DeltaTableWriter;
import io.cloudshift.io.Warehouse;
import io.cloudshift.schema.ChargeColumns;
import io.cloudshift.schema.Tables;
import io.cloudshift.testing.DataFrameAssertions;
import io.cloudshift.testing.FocusCsv;
import io.cloudshift.testing.SparkTestSession;
import io.cloudshift.testing.TestConfigs;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Writing charges: slice replacement, period scope, conservation, idempotence, the reject threshold. */
class ChargeIngestTest {
  @TempDir Path dir;

  private Path export() {
    return dir.resolve("export");
  }

  private DeltaTableWriter writer() {
    return new DeltaTableWriter(SparkTestSession.get(), new Warehouse(dir.resolve("warehouse").toString()), "{\"test\":true}");
  }

  private ChargeIngest.Result ingest(CloudshiftConfig config, String runId, BillingPeriodRange period) {
    return new ChargeIngest(SparkTestSession.get(), config, writer(), runId, period).execute();
  }

  private ChargeIngest.Result ingest(String runId, BillingPeriodRange period) {
    return ingest(TestConfigs.singleCsvExport("azure-test", "azure", export()), runId, period);
  }

  private static FocusCsv september(String account, String... costs) {
    FocusCsv csv = FocusCsv.focus12();
    for (String cost : costs) {
      csv.row("BillingAccountId", account, "BilledCost", cost, "EffectiveCost", cost);
    }
    return csv;
  }

  private BigDecimal billed(String account, String month) {
    Row r = writer().read(Tables.CHARGES)
        .where(col(ChargeColumns.BILLING_ACCOUNT_ID).equalTo(account).and(col(ChargeColumns.BILLING_MONTH).equalTo(month)))
        .agg(org.apache.spark.sql.functions.sum(ChargeColumns.BILLED_COST)).head();
    return r.isNullAt(0) ? null : r.getDecimal(0);
  }

  @Test
  void aRedeliveredExportReplacesOnlyItsAccountAndMonthSlice() throws Exception {
    september("acct-1", "10", "10").write(export().resolve("billing_period=2024-09/a.csv"));
    september("acct-2", "5").write(export().resolve("billing_period=2024-09/b.csv"));
    ingest("run-1", BillingPeriodRange.all());
    assertThat(billed("acct-1", "2024-09-01")).isEqualByComparingTo("20");

    // acct-1's September is re-delivered with one (identical-looking) row less; acct-2's file is gone.
    september("acct-1", "10").write(export().resolve("billing_period=2024-09/a.csv"));
    java.nio.file.Files.delete(export().resolve("billing_period=2024-09/b.csv"));
    ingest("run-2", BillingPeriodRange.all());

    assertThat(billed("acct-1", "2024-09-01")).isEqualByComparingTo("10");
    assertThat(billed("acct-2", "2024-09-01")).as("slice not re-delivered stays").isEqualByComparingTo("5");
  }

  @Test
  void identicalRowsAreDistinctChargesNotDuplicates() throws Exception {
    september("acct-1", "7", "7", "7").write(export().resolve("a.csv"));
    ingest("run-1", BillingPeriodRange.all());
    assertThat(billed("acct-1", "2024-09-01")).isEqualByComparingTo("21");
  }

  @Test
  void aPeriodScopedRunTouchesOnlyItsMonthsAndCountsTheRestOutOfScope() throws Exception {
    FocusCsv both = september("acct-1", "10")
        .row("BillingAccountId", "acct-1", "BilledCost", "3", "BillingPeriodStart", "2024-10-01T00:00:00Z", "BillingPeriodEnd", "2024-11-01T00:00:00Z");
    both.write(export().resolve("mixed.csv"));
    ingest("run-1", BillingPeriodRange.all());

    FocusCsv changed = september("acct-1", "99")
        .row("BillingAccountId", "acct-1", "BilledCost", "4", "BillingPeriodStart", "2024-10-01T00:00:00Z", "BillingPeriodEnd", "2024-11-01T00:00:00Z");
    changed.write(export().resolve("mixed.csv"));
    ChargeIngest.Result result = ingest("run-2", BillingPeriodRange.parse("2024-10"));

    assertThat(billed("acct-1", "2024-09-01")).as("September untouched").isEqualByComparingTo("10");
    assertThat(billed("acct-1", "2024-10-01")).isEqualByComparingTo("4");
    InputCount file = result.inputs().get(0);
    assertThat(file.rowsIn()).isEqualTo(2);
    assertThat(file.rowsSilver()).isEqualTo(1);
    assertThat(file.rowsOutOfScope()).isEqualTo(1);
    assertThat(file.conserved()).isTrue();
  }

  @Test
  void conservationPerFileAndRerunsLeaveEveryTableIdentical() throws Exception {
    september("acct-1", "10", "oops", "-2.5").write(export().resolve("billing_period=2024-09/a.csv"));
    FocusCsv.focus12().row("BillingPeriodStart", "5/1/25").row("BillingAccountId", "").write(export().resolve("billing_period=2024-09/b.csv"));
    CloudshiftConfig lenient = TestConfigs.withExports(
        "[{ id = azure-test, provider = azure, format = csv, path = \"" + export() + "\" }]", Map.of("quality.max-reject-ratio", "1"));

    ChargeIngest.Result first = ingest(lenient, "run-1", BillingPeriodRange.all());
    assertThat(first.inputs()).allSatisfy(f -> assertThat(f.conserved()).isTrue());
    assertThat(first.inputs()).extracting(InputCount::rowsIn, InputCount::rowsSilver, InputCount::rowsQuarantine)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(3L, 2L, 1L), org.assertj.core.groups.Tuple.tuple(2L, 0L, 2L));
    var charges = writer().read(Tables.CHARGES).collectAsList();
    var rejected = writer().read(Tables.REJECTED_CHARGES).collectAsList();

    ingest(lenient, "run-1", BillingPeriodRange.all());
    ingest(lenient, "run-1", BillingPeriodRange.parse("2024-09"));

    var spark = SparkTestSession.get();
    DataFrameAssertions.assertSameRows(writer().read(Tables.CHARGES), spark.createDataFrame(charges, writer().read(Tables.CHARGES).schema()));
    DataFrameAssertions.assertSameRows(writer().read(Tables.REJECTED_CHARGES), spark.createDataFrame(rejected, writer().read(Tables.REJECTED_CHARGES).schema()));
    assertThat(rejected).extracting(r -> r.<String>getAs("reason_code")).containsExactlyInAnyOrder("BAD_NUMBER", "BAD_DATETIME", "NULL_REQUIRED");
  }

  @Test
  void correctionsAndCreditsStaySignedInTheMonthTheyAreBilled() throws Exception {
    FocusCsv.focus12()
        .row("BilledCost", "100")
        // A correction of September, invoiced in October, points its charge period back at September.
        .row("BilledCost", "-30", "EffectiveCost", "-30", "ChargeClass", "Correction",
            "BillingPeriodStart", "2024-10-01T00:00:00Z", "BillingPeriodEnd", "2024-11-01T00:00:00Z")
        .row("BilledCost", "-5", "EffectiveCost", "-5", "ChargeCategory", "Credit",
            "BillingPeriodStart", "2024-10-01T00:00:00Z", "BillingPeriodEnd", "2024-11-01T00:00:00Z")
        .row("BilledCost", "40", "BillingPeriodStart", "2024-10-01T00:00:00Z", "BillingPeriodEnd", "2024-11-01T00:00:00Z",
            "ChargePeriodStart", "2024-10-02T00:00:00Z", "ChargePeriodEnd", "2024-10-03T00:00:00Z")
        .write(export().resolve("a.csv"));
    ingest("run-1", BillingPeriodRange.all());
    assertThat(billed("acct-1", "2024-09-01")).isEqualByComparingTo("100");
    // 40 − 30 − 5 = 5: the correction and the credit reduce October, September stays as invoiced.
    assertThat(billed("acct-1", "2024-10-01")).isEqualByComparingTo("5");
  }

  @Test
  void tooManyRejectsFailTheRunBeforeSilverChanges() throws Exception {
    september("acct-1", "10").write(export().resolve("a.csv"));
    ingest("run-1", BillingPeriodRange.all());
    september("acct-1", "bad", "bad", "11").write(export().resolve("a.csv"));

    assertThatThrownBy(() -> ingest("run-2", BillingPeriodRange.all()))
        .isInstanceOf(RejectRatioExceededException.class)
        .hasMessageContaining("66.67% of rows were quarantined")
        .hasMessageContaining("cloudshift.quality.max-reject-ratio");
    assertThat(billed("acct-1", "2024-09-01")).as("silver unchanged").isEqualByComparingTo("10");
    assertThat(writer().read(Tables.REJECTED_CHARGES).count()).as("rejects kept for inspection").isEqualTo(2);
  }

  @Test
  void slicePredicatesQuoteValues() {
    String predicate = SlicePredicates.slices(List.of(new SliceKey("e", "it's", java.time.LocalDate.of(2024, 9, 1))));
    assertThat(predicate).isEqualTo("(billing_month IN (DATE'2024-09-01') AND (export_id, billing_account_id, billing_month) IN (('e', 'it\\'s', DATE'2024-09-01')))");
  }
}
