package io.cloudshift.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.sum;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.cloudshift.audit.DeliveryOutcome;
import io.cloudshift.audit.InputCount;
import io.cloudshift.audit.StageProgress;
import io.cloudshift.config.BillingPeriodRange;
import io.cloudshift.config.CloudshiftConfig;
import io.cloudshift.config.RunContext;
import io.cloudshift.io.DeltaTableWriter;
import io.cloudshift.io.SparkJobs;
import io.cloudshift.io.Warehouse;
import io.cloudshift.schema.ChargeColumns;
import io.cloudshift.schema.Columns;
import io.cloudshift.schema.RestatementsTable;
import io.cloudshift.schema.Tables;
import io.cloudshift.stage.StageContext;
import io.cloudshift.testing.DataFrameAssertions;
import io.cloudshift.testing.FocusCsv;
import io.cloudshift.testing.Slow;
import io.cloudshift.testing.SparkTestSession;
import io.cloudshift.testing.TestConfigs;
import io.cloudshift.testing.TestStages;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.execution.QueryExecution;
import org.apache.spark.sql.util.QueryExecutionListener;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Writing charges: the delivery model (the latest delivery of an export's month replaces the whole
 * month, a withdrawn month is removed), period scope, conservation, idempotence, the reject
 * threshold. Amounts are small hand-made files whose expected totals are summed by hand.
 */
// Among the first test classes (pom.xml orders them by @Order): the longest, and started late it
// ran alone at the end of the suite with one core idle.
@Order(2)
class ChargeIngestTest {
  private static final Instant MONDAY = Instant.parse("2026-05-04T08:00:00Z");

  @TempDir Path dir;

  private Path export() {
    return dir.resolve("export");
  }

  private DeltaTableWriter writer() {
    return new DeltaTableWriter(
        SparkTestSession.get(),
        new Warehouse(dir.resolve("warehouse").toString()),
        "{\"test\":true}");
  }

  private StageContext context(CloudshiftConfig config, String runId, BillingPeriodRange period) {
    return TestStages.context(config, writer(), new RunContext(runId, "ingest", period));
  }

  private StageProgress ingest(CloudshiftConfig config, String runId, BillingPeriodRange period) {
    StageProgress progress = new StageProgress();
    StageContext context = context(config, runId, period);
    new ChargeIngest(context, TestStages.rates(context))
        .execute(TestStages.ingest(context, progress));
    return progress;
  }

  private StageProgress ingest(String runId, BillingPeriodRange period) {
    return ingest(TestConfigs.singleCsvExport("azure-test", "azure", export()), runId, period);
  }

  /** Tests with many bad rows among few: no reject threshold. */
  private CloudshiftConfig lenient() {
    return TestConfigs.withExports(
        "[{ id = azure-test, provider = azure, format = csv, path = \"" + export() + "\" }]",
        Map.of("quality.max-reject-ratio", "1"));
  }

  private CloudshiftConfig fileDeliveries() {
    return TestConfigs.withExports(
        "[{ id = azure-test, provider = azure, format = csv, delivery = file, path = \""
            + export()
            + "\" }]",
        Map.of());
  }

  /** One row per cost, billed in {@code month} on {@code account}. */
  private static FocusCsv charges(String month, String account, String... costs) {
    YearMonth m = YearMonth.parse(month);
    FocusCsv csv = FocusCsv.focus12();
    for (String cost : costs) {
      csv.row(
          "BillingAccountId",
          account,
          "BilledCost",
          cost,
          "EffectiveCost",
          cost,
          "BillingPeriodStart",
          m.atDay(1) + "T00:00:00Z",
          "BillingPeriodEnd",
          m.plusMonths(1).atDay(1) + "T00:00:00Z",
          "ChargePeriodStart",
          m.atDay(2) + "T00:00:00Z",
          "ChargePeriodEnd",
          m.atDay(3) + "T00:00:00Z");
    }
    return csv;
  }

  private static FocusCsv september(String account, String... costs) {
    return charges("2024-09", account, costs);
  }

  /**
   * Writes the file and dates it, so which delivery is the latest does not depend on how fast the
   * test runs.
   */
  private static Path written(FocusCsv csv, Path file, Instant modified) throws Exception {
    csv.write(file);
    Files.setLastModifiedTime(file, FileTime.from(modified));
    return file;
  }

  private BigDecimal billed(String account, String month) {
    Row r =
        writer()
            .read(Tables.CHARGES)
            .where(
                col(ChargeColumns.BILLING_ACCOUNT_ID)
                    .equalTo(account)
                    .and(col(ChargeColumns.BILLING_MONTH).equalTo(month)))
            .agg(sum(ChargeColumns.BILLED_COST))
            .head();
    return r.isNullAt(0) ? null : r.getDecimal(0);
  }

  /** Each row of restatements on one line, in order of run, export and month. */
  private List<String> restatements() {
    DeltaTableWriter writer = writer();
    if (!writer.exists(Tables.RESTATEMENTS)) {
      return List.of();
    }
    return writer
        .read(Tables.RESTATEMENTS)
        .orderBy(Columns.RUN_ID, Columns.EXPORT_ID, ChargeColumns.BILLING_MONTH)
        .collectAsList()
        .stream()
        .map(
            r ->
                String.join(
                    " ",
                    r.getAs(Columns.RUN_ID),
                    r.getAs(Columns.EXPORT_ID),
                    String.valueOf(r.<Object>getAs(ChargeColumns.BILLING_MONTH)),
                    r.getAs(RestatementsTable.STATUS),
                    r.getAs(Columns.PROVIDER),
                    String.valueOf(r.<Object>getAs(Columns.LAB)),
                    r.getAs(Columns.STREAM),
                    r.getAs(Columns.BILLING_CURRENCY),
                    "rows",
                    String.valueOf(r.<Object>getAs(RestatementsTable.ROWS_BEFORE)),
                    "->",
                    String.valueOf(r.<Object>getAs(RestatementsTable.ROWS_AFTER)),
                    "billed",
                    plain(r.getAs(RestatementsTable.BILLED_BEFORE)),
                    "->",
                    plain(r.getAs(RestatementsTable.BILLED_AFTER)),
                    r.getAs(Columns.REPORTING_CURRENCY),
                    plain(r.getAs(RestatementsTable.REPORTING_BEFORE)),
                    "->",
                    plain(r.getAs(RestatementsTable.REPORTING_AFTER)),
                    "from",
                    r.getAs(RestatementsTable.PREVIOUS_RUN_ID),
                    lastFolder(r.getAs(RestatementsTable.PREVIOUS_DELIVERY)),
                    "to",
                    lastFolder(r.getAs(RestatementsTable.DELIVERY))))
        .toList();
  }

  private static String plain(BigDecimal amount) {
    return amount == null ? "null" : amount.stripTrailingZeros().toPlainString();
  }

  private static String lastFolder(String delivery) {
    return delivery == null ? "null" : Path.of(delivery).getFileName().toString();
  }

  private BigDecimal monthTotal(String month) {
    Row r =
        writer()
            .read(Tables.CHARGES)
            .where(col(ChargeColumns.BILLING_MONTH).equalTo(month))
            .agg(sum(ChargeColumns.BILLED_COST))
            .head();
    return r.isNullAt(0) ? BigDecimal.ZERO : r.getDecimal(0);
  }

  private BigDecimal monthlyAggregate(String month) {
    Row r =
        writer()
            .read(Tables.CHARGES_MONTHLY)
            .where(col(Columns.MONTH).equalTo(month))
            .agg(sum(Columns.BILLED_REVENUE))
            .head();
    return r.isNullAt(0) ? BigDecimal.ZERO : r.getDecimal(0);
  }

  /**
   * The bundled ECB rates quote USD 1.1061 per euro on 2 September 2024 and never quote ARS: the
   * euro charge converts, the peso charge stays null in the reporting currency and is named.
   */
  @Test
  void aChargeTheRatesCannotConvertIsNullInTheReportingCurrencyAndNamedInTheRun() throws Exception {
    FocusCsv csv = september("A", "10");
    for (String currency : List.of("EUR", "ARS")) {
      csv.row(
          "BillingAccountId",
          "A",
          "BilledCost",
          "100",
          "EffectiveCost",
          "100",
          "BillingCurrency",
          currency,
          "BillingPeriodStart",
          "2024-09-01T00:00:00Z",
          "BillingPeriodEnd",
          "2024-10-01T00:00:00Z",
          "ChargePeriodStart",
          "2024-09-02T00:00:00Z",
          "ChargePeriodEnd",
          "2024-09-03T00:00:00Z");
    }
    csv.write(export().resolve("billing_period=2024-09/a.csv"));

    StageProgress progress = ingest("run-1", BillingPeriodRange.all());

    assertThat(
            writer().read(Tables.CHARGES_MONTHLY).orderBy(Columns.BILLING_CURRENCY).collectAsList())
        .extracting(
            r -> r.getAs(Columns.BILLING_CURRENCY),
            r -> String.valueOf(r.<Object>getAs(Columns.BILLED_REVENUE + Columns.REPORTING_SUFFIX)))
        .containsExactly(
            tuple("ARS", "null"),
            tuple("EUR", "110.610000000000"),
            tuple("USD", "10.000000000000"));
    assertThat(progress.notes())
        .contains(
            "No reference rate into USD for 1 charge row(s) in ARS dated 2024-09-02: their"
                + " reporting amounts in charges_monthly are null (renew cloudshift.inputs.fx-rates"
                + " with bin/refresh-fx, then ingest those months again)");
  }

  @Test
  void aRedeliveryReplacesTheWholeExportMonthSoADroppedAccountDisappears() throws Exception {
    Path april = export().resolve("billing_period=2026-04/export.csv");
    FocusCsv first = charges("2026-04", "A", "100");
    first.row(
        "BillingAccountId",
        "B",
        "BilledCost",
        "200",
        "EffectiveCost",
        "200",
        "BillingPeriodStart",
        "2026-04-01T00:00:00Z",
        "BillingPeriodEnd",
        "2026-05-01T00:00:00Z");
    written(first, april, MONDAY);
    ingest("run-1", BillingPeriodRange.all());
    assertThat(monthTotal("2026-04-01")).isEqualByComparingTo("300");

    // Re-delivered under the same name: A is now 150 and B is gone, a new account B2 has 200.
    FocusCsv again = charges("2026-04", "A", "150");
    again.row(
        "BillingAccountId",
        "B2",
        "BilledCost",
        "200",
        "EffectiveCost",
        "200",
        "BillingPeriodStart",
        "2026-04-01T00:00:00Z",
        "BillingPeriodEnd",
        "2026-05-01T00:00:00Z");
    written(again, april, MONDAY.plusSeconds(3600));
    ingest("run-2", BillingPeriodRange.all());

    // 150 + 200 = 350; replacing only the accounts present in the new files kept B's stale 200
    // (550).
    assertThat(monthTotal("2026-04-01")).isEqualByComparingTo("350");
    assertThat(billed("B", "2026-04-01")).isNull();
    assertThat(monthlyAggregate("2026-04-01"))
        .as("charges_monthly follows")
        .isEqualByComparingTo("350");

    // Issue 23, item 3: the restatement, by hand: A 100 + B 200 = 300 in 2 rows before, A 150 +
    // B2 200 = 350 in 2 rows after, from run-1's delivery to run-2's (the same folder, written
    // again).
    assertThat(restatements())
        .containsExactly(
            "run-2 azure-test 2026-04-01 RESTATED azure null unattributed USD rows 2 -> 2 billed"
                + " 300 -> 350 USD 300 -> 350 from run-1 billing_period=2026-04 to"
                + " billing_period=2026-04");
    // Ingesting the same delivery again replaces the month with the same rows: no restatement.
    ingest("run-3", BillingPeriodRange.all());
    assertThat(restatements()).hasSize(1);
  }

  @Test
  void aWithdrawnMonthIsRemovedAndRecordedByFullAndPeriodRuns() throws Exception {
    written(
        charges("2026-04", "A", "100"),
        export().resolve("billing_period=2026-04/export.csv"),
        MONDAY);
    Path may =
        written(
            charges("2026-05", "A", "40"),
            export().resolve("billing_period=2026-05/export.csv"),
            MONDAY);
    Path june =
        written(
            charges("2026-06", "A", "7"),
            export().resolve("billing_period=2026-06/export.csv"),
            MONDAY);
    ingest("run-1", BillingPeriodRange.all());
    assertThat(monthTotal("2026-05-01")).isEqualByComparingTo("40");

    Files.delete(may);
    StageProgress full = ingest("run-2", BillingPeriodRange.all());
    assertThat(monthTotal("2026-05-01")).isEqualByComparingTo("0");
    assertThat(monthlyAggregate("2026-05-01")).isEqualByComparingTo("0");
    assertThat(monthTotal("2026-04-01")).as("other months stay").isEqualByComparingTo("100");
    assertThat(full.deliveries())
        .filteredOn(d -> d.status() == DeliveryOutcome.Status.WITHDRAWN)
        .extracting(DeliveryOutcome::exportId, DeliveryOutcome::billingMonth, DeliveryOutcome::rows)
        .containsExactly(tuple("azure-test", YearMonth.of(2026, 5), 1L));
    assertThat(restatements())
        .as("issue 23, item 3: the withdrawn month's 40 in 1 row, and nothing after")
        .containsExactly(
            "run-2 azure-test 2026-05-01 WITHDRAWN azure null unattributed USD rows 1 -> 0 billed"
                + " 40 -> 0 USD 40 -> 0 from run-1 billing_period=2026-05 to null");

    Files.delete(june);
    StageProgress period = ingest("run-3", BillingPeriodRange.parse("2026-06"));
    assertThat(monthTotal("2026-06-01")).isEqualByComparingTo("0");
    assertThat(period.deliveries())
        .extracting(DeliveryOutcome::billingMonth, DeliveryOutcome::status)
        .containsExactly(tuple(YearMonth.of(2026, 6), DeliveryOutcome.Status.WITHDRAWN));
  }

  @Test
  void theLatestFileOfAMonthWinsWhenEachRunWritesANewFile() throws Exception {
    written(charges("2026-04", "A", "100"), export().resolve("exp-2026-04.csv"), MONDAY);
    written(
        charges("2026-04", "A", "150"),
        export().resolve("exp-2026-04-rerun2.csv"),
        MONDAY.plusSeconds(86_400));
    StageProgress run = ingest(fileDeliveries(), "run-1", BillingPeriodRange.all());

    // Both files were summed before: 250.
    assertThat(billed("A", "2026-04-01")).isEqualByComparingTo("150");
    assertThat(run.deliveries())
        .extracting(d -> Path.of(d.delivery()).getFileName().toString(), DeliveryOutcome::status)
        .containsExactlyInAnyOrder(
            tuple("exp-2026-04-rerun2.csv", DeliveryOutcome.Status.INGESTED),
            tuple("exp-2026-04.csv", DeliveryOutcome.Status.SUPERSEDED));
    assertThat(run.inputs()).allSatisfy(f -> assertThat(f.conserved()).isTrue());
    assertThat(run.inputs())
        .extracting(InputCount::rowsSilver, InputCount::rowsSuperseded)
        .containsExactlyInAnyOrder(tuple(1L, 0L), tuple(0L, 1L));
  }

  @Test
  void theLatestRunFolderOfAMonthWinsAndOlderOnesAreNotRead() throws Exception {
    Path root = export().resolve("BILLING_PERIOD=2026-04");
    written(charges("2026-04", "A", "100", "1"), root.resolve("run-1/part-0.csv"), MONDAY);
    written(
        charges("2026-04", "A", "150"), root.resolve("run-2/part-0.csv"), MONDAY.plusSeconds(60));
    written(
        charges("2026-04", "A", "50"), root.resolve("run-2/part-1.csv"), MONDAY.plusSeconds(61));
    StageProgress run = ingest("run-1", BillingPeriodRange.all());

    // run-2's two chunks are one delivery: 150 + 50.
    assertThat(billed("A", "2026-04-01")).isEqualByComparingTo("200");
    assertThat(run.inputs()).hasSize(2);
    assertThat(run.deliveries())
        .extracting(DeliveryOutcome::status, DeliveryOutcome::files, DeliveryOutcome::rows)
        .containsExactlyInAnyOrder(
            tuple(DeliveryOutcome.Status.INGESTED, 2, 2L),
            tuple(DeliveryOutcome.Status.SUPERSEDED, 1, null));
  }

  @Test
  void aFileHoldingSeveralMonthsLosesOnlyTheMonthsANewerFileHolds() throws Exception {
    FocusCsv both = charges("2026-03", "A", "30");
    both.row(
        "BillingAccountId",
        "A",
        "BilledCost",
        "40",
        "EffectiveCost",
        "40",
        "BillingPeriodStart",
        "2026-04-01T00:00:00Z",
        "BillingPeriodEnd",
        "2026-05-01T00:00:00Z");
    written(both, export().resolve("q1.csv"), MONDAY);
    written(
        charges("2026-04", "A", "45"), export().resolve("april-rerun.csv"), MONDAY.plusSeconds(60));
    StageProgress run = ingest(fileDeliveries(), "run-1", BillingPeriodRange.all());

    assertThat(billed("A", "2026-03-01")).isEqualByComparingTo("30");
    assertThat(billed("A", "2026-04-01")).isEqualByComparingTo("45");
    InputCount q1 =
        run.inputs().stream()
            .filter(f -> f.sourceFile().endsWith("q1.csv"))
            .findFirst()
            .orElseThrow();
    assertThat(q1)
        .extracting(InputCount::rowsIn, InputCount::rowsSilver, InputCount::rowsSuperseded)
        .containsExactly(2L, 1L, 1L);
  }

  @Test
  void identicalRowsAreDistinctChargesNotDuplicates() throws Exception {
    september("acct-1", "7", "7", "7").write(export().resolve("a.csv"));
    ingest("run-1", BillingPeriodRange.all());
    assertThat(billed("acct-1", "2024-09-01")).isEqualByComparingTo("21");
  }

  @Test
  void aPeriodScopedRunTouchesOnlyItsMonthsAndCountsTheRestOutOfScope() throws Exception {
    FocusCsv both =
        september("acct-1", "10")
            .row(
                "BillingAccountId",
                "acct-1",
                "BilledCost",
                "3",
                "BillingPeriodStart",
                "2024-10-01T00:00:00Z",
                "BillingPeriodEnd",
                "2024-11-01T00:00:00Z");
    both.write(export().resolve("mixed.csv"));
    ingest("run-1", BillingPeriodRange.all());

    FocusCsv changed =
        september("acct-1", "99")
            .row(
                "BillingAccountId",
                "acct-1",
                "BilledCost",
                "4",
                "BillingPeriodStart",
                "2024-10-01T00:00:00Z",
                "BillingPeriodEnd",
                "2024-11-01T00:00:00Z");
    changed.write(export().resolve("mixed.csv"));
    StageProgress result = ingest("run-2", BillingPeriodRange.parse("2024-10"));

    assertThat(billed("acct-1", "2024-09-01")).as("September untouched").isEqualByComparingTo("10");
    assertThat(billed("acct-1", "2024-10-01")).isEqualByComparingTo("4");
    InputCount file = result.inputs().get(0);
    assertThat(file)
        .extracting(InputCount::rowsIn, InputCount::rowsSilver, InputCount::rowsOutOfScope)
        .containsExactly(2L, 1L, 1L);
    assertThat(file.conserved()).isTrue();
  }

  @Test
  void aPeriodRunReadsOnlyItsMonthsFolders() throws Exception {
    written(
        charges("2026-04", "A", "100"),
        export().resolve("billing_period=2026-04/export.csv"),
        MONDAY);
    written(
        charges("2026-05", "A", "40"),
        export().resolve("billing_period=2026-05/export.csv"),
        MONDAY);
    StageProgress run = ingest("run-1", BillingPeriodRange.parse("2026-05"));
    assertThat(run.inputs())
        .extracting(InputCount::sourceFile)
        .singleElement()
        .asString()
        .contains("billing_period=2026-05");
    assertThat(monthTotal("2026-04-01")).isEqualByComparingTo("0");
    assertThat(monthTotal("2026-05-01")).isEqualByComparingTo("40");
  }

  @Test
  void aPeriodRunQuarantinesRowsWhoseBillingMonthCannotBeRead() throws Exception {
    FocusCsv csv =
        charges("2026-04", "A", "100")
            .row("BillingPeriodStart", "2026-02-30T00:00:00Z", "ChargeDescription", "bad day")
            .row("BillingPeriodStart", "4/1/26", "ChargeDescription", "bad format");
    csv.write(export().resolve("export.csv"));
    StageProgress run = ingest(lenient(), "run-1", BillingPeriodRange.parse("2026-04"));

    InputCount file = run.inputs().get(0);
    // They were counted out of scope (and never quarantined) before.
    assertThat(file)
        .extracting(InputCount::rowsSilver, InputCount::rowsQuarantine, InputCount::rowsOutOfScope)
        .containsExactly(1L, 2L, 0L);
    assertThat(writer().read(Tables.REJECTED_CHARGES).collectAsList())
        .extracting(r -> r.getAs("reason_code"))
        .containsExactly("BAD_DATETIME", "BAD_DATETIME");

    ingest(lenient(), "run-2", BillingPeriodRange.parse("2026-04"));
    assertThat(writer().read(Tables.REJECTED_CHARGES).count())
        .as("replaced, not duplicated, by a rerun")
        .isEqualTo(2);
  }

  @Test
  void aRowOfAnotherMonthInABillingPeriodFolderIsQuarantinedInTheFoldersMonth() throws Exception {
    FocusCsv april = charges("2026-04", "A", "100");
    april.row(
        "BillingPeriodStart",
        "2026-03-01T00:00:00Z",
        "BillingPeriodEnd",
        "2026-04-01T00:00:00Z",
        "ChargeDescription",
        "march");
    april.write(export().resolve("billing_period=2026-04/export.csv"));
    ingest(lenient(), "run-1", BillingPeriodRange.parse("2026-04"));

    Row rejected = writer().read(Tables.REJECTED_CHARGES).head();
    assertThat(rejected.<String>getAs("reason_code")).isEqualTo("PERIOD_MISMATCH");
    assertThat(rejected.getAs("billing_month").toString()).isEqualTo("2026-04-01");
    assertThat(monthTotal("2026-03-01")).isEqualByComparingTo("0");
  }

  /**
   * Issue 8: one blank line in a CSV failed the whole ingest (QUERY_ONLY_CORRUPT_RECORD_COLUMN),
   * naming no file.
   */
  @Test
  void blankLinesInACsvAreNotRecordsAndDoNotFailTheRun() throws Exception {
    String csv = september("acct-1", "10", "20").text("\r\n");
    int firstRecord = csv.indexOf('\n') + 1;
    int secondRecord = csv.indexOf('\n', firstRecord) + 1;
    FocusCsv.writeText(
        export().resolve("billing_period=2024-09/a.csv"),
        csv.substring(0, firstRecord)
            + "\r\n"
            + csv.substring(firstRecord, secondRecord)
            + "\r\n\r\n"
            + csv.substring(secondRecord)
            + "\r\n");

    // Both read paths: the small input parsed once and cached, and the large one read by each pass.
    for (String smallInputMaxBytes : List.of("33554432", "0")) {
      CloudshiftConfig config =
          TestConfigs.withExports(
              "[{ id = azure-test, provider = azure, format = csv, path = \"" + export() + "\" }]",
              Map.of("ingest.small-input-max-bytes", smallInputMaxBytes));
      StageProgress progress =
          ingest(config, "run-" + smallInputMaxBytes, BillingPeriodRange.all());

      assertThat(progress.inputs())
          .extracting(InputCount::rowsIn, InputCount::rowsSilver, InputCount::rowsQuarantine)
          .containsExactly(tuple(2L, 2L, 0L));
      assertThat(billed("acct-1", "2024-09-01")).isEqualByComparingTo("30");
    }
  }

  @Test
  void conservationPerFileAndRerunsLeaveEveryTableIdentical() throws Exception {
    september("acct-1", "10", "oops", "-2.5")
        .write(export().resolve("billing_period=2024-09/a.csv"));
    FocusCsv.focus12()
        .row("BillingPeriodStart", "5/1/25")
        .row("BillingAccountId", "")
        .write(export().resolve("billing_period=2024-09/b.csv"));
    CloudshiftConfig lenient = lenient();

    StageProgress first = ingest(lenient, "run-1", BillingPeriodRange.all());
    assertThat(first.inputs()).allSatisfy(f -> assertThat(f.conserved()).isTrue());
    assertThat(first.inputs())
        .extracting(InputCount::rowsIn, InputCount::rowsSilver, InputCount::rowsQuarantine)
        .containsExactly(tuple(3L, 2L, 1L), tuple(2L, 0L, 2L));
    var charges = writer().read(Tables.CHARGES).collectAsList();
    var rejected = writer().read(Tables.REJECTED_CHARGES).collectAsList();
    var monthly = writer().read(Tables.CHARGES_MONTHLY).collectAsList();

    ingest(lenient, "run-1", BillingPeriodRange.all());
    ingest(lenient, "run-1", BillingPeriodRange.parse("2024-09"));

    var spark = SparkTestSession.get();
    DataFrameAssertions.assertSameRows(
        writer().read(Tables.CHARGES),
        spark.createDataFrame(charges, writer().read(Tables.CHARGES).schema()));
    DataFrameAssertions.assertSameRows(
        writer().read(Tables.REJECTED_CHARGES),
        spark.createDataFrame(rejected, writer().read(Tables.REJECTED_CHARGES).schema()));
    DataFrameAssertions.assertSameRows(
        writer().read(Tables.CHARGES_MONTHLY),
        spark.createDataFrame(monthly, writer().read(Tables.CHARGES_MONTHLY).schema()));
    assertThat(rejected)
        .extracting(r -> r.<String>getAs("reason_code"))
        .containsExactlyInAnyOrder("BAD_NUMBER", "BAD_DATETIME", "NULL_REQUIRED");
  }

  /**
   * The accounting is checked against each file's records counted without Spark, so a lost row
   * cannot pass.
   */
  @Test
  void aRowLostBetweenReadingAndParsingFailsTheRunBeforeAnythingIsWritten() throws Exception {
    Path file = export().resolve("billing_period=2024-09/a.csv");
    september("acct-1", "10", "20", "30").write(file);
    StageContext context =
        context(
            TestConfigs.singleCsvExport("azure-test", "azure", export()),
            "run-1",
            BillingPeriodRange.all());
    ChargeIngest losingOneRow =
        new ChargeIngest(
            context,
            TestStages.rates(context),
            parsed -> parsed.where(col(ChargeColumns.BILLED_COST).notEqual(20)));

    assertThatThrownBy(() -> losingOneRow.execute(TestStages.ingest(context, new StageProgress())))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("Cannot account for the rows of ")
        .hasMessageContaining(
            "a.csv: the file holds 3 record(s), ingest read 2 (nothing was written;");
    assertThat(writer().exists(Tables.CHARGES)).isFalse();
    assertThat(writer().exists(Tables.REJECTED_CHARGES)).isFalse();

    StageProgress whole = ingest("run-1", BillingPeriodRange.all());
    assertThat(whole.inputs())
        .extracting(InputCount::rowsIn, InputCount::rowsSilver)
        .containsExactly(tuple(3L, 3L));
  }

  @Test
  @Slow
  void anInputAboveTheSmallSizeIsReadByEachPassWithGeneratedCodeAndGivesTheSameRows()
      throws Exception {
    september("acct-1", "10", "oops", "-2.5")
        .write(export().resolve("billing_period=2024-09/a.csv"));
    CloudshiftConfig large =
        TestConfigs.withExports(
            "[{ id = azure-test, provider = azure, format = csv, path = \"" + export() + "\" }]",
            Map.of("quality.max-reject-ratio", "1", "ingest.small-input-max-bytes", "0"));
    var spark = SparkTestSession.get();
    List<String> plans = new CopyOnWriteArrayList<>();
    QueryExecutionListener listener =
        new QueryExecutionListener() {
          @Override
          public void onSuccess(String funcName, QueryExecution qe, long durationNs) {
            plans.add(qe.executedPlan().toString());
          }

          @Override
          public void onFailure(String funcName, QueryExecution qe, Exception exception) {}
        };
    spark.listenerManager().register(listener);
    StageProgress progress;
    try {
      progress = ingest(large, "run-1", BillingPeriodRange.all());
      spark.sparkContext().listenerBus().waitUntilEmpty();
    } finally {
      spark.listenerManager().unregister(listener);
    }

    assertThat(progress.inputs())
        .extracting(InputCount::rowsIn, InputCount::rowsSilver, InputCount::rowsQuarantine)
        .containsExactly(tuple(3L, 2L, 1L));
    assertThat(billed("acct-1", "2024-09")).isEqualByComparingTo("7.5");
    assertThat(monthlyAggregate("2024-09")).isEqualByComparingTo("7.5");
    // "*(n)" marks an operator of whole-stage generated code in a plan's text.
    assertThat(plans).anyMatch(p -> p.contains("*("));
    assertThat(spark.conf().get(SparkJobs.CODEGEN_FACTORY_MODE)).isEqualTo("NO_CODEGEN");
  }

  @Test
  void correctionsAndCreditsStaySignedInTheMonthTheyAreBilled() throws Exception {
    FocusCsv.focus12()
        .row("BilledCost", "100")
        // A correction of September, invoiced in October, points its charge period back at
        // September.
        .row(
            "BilledCost",
            "-30",
            "EffectiveCost",
            "-30",
            "ChargeClass",
            "Correction",
            "BillingPeriodStart",
            "2024-10-01T00:00:00Z",
            "BillingPeriodEnd",
            "2024-11-01T00:00:00Z")
        .row(
            "BilledCost",
            "-5",
            "EffectiveCost",
            "-5",
            "ChargeCategory",
            "Credit",
            "BillingPeriodStart",
            "2024-10-01T00:00:00Z",
            "BillingPeriodEnd",
            "2024-11-01T00:00:00Z")
        .row(
            "BilledCost",
            "40",
            "BillingPeriodStart",
            "2024-10-01T00:00:00Z",
            "BillingPeriodEnd",
            "2024-11-01T00:00:00Z",
            "ChargePeriodStart",
            "2024-10-02T00:00:00Z",
            "ChargePeriodEnd",
            "2024-10-03T00:00:00Z")
        .write(export().resolve("a.csv"));
    ingest("run-1", BillingPeriodRange.all());
    assertThat(billed("acct-1", "2024-09-01")).isEqualByComparingTo("100");
    // 40 − 30 − 5 = 5: the correction and the credit reduce October, September stays as invoiced.
    assertThat(billed("acct-1", "2024-10-01")).isEqualByComparingTo("5");
  }

  @Test
  void tooManyRejectsFailTheRunBeforeSilverChangesAndTheProgressSaysWhatWasWritten()
      throws Exception {
    september("acct-1", "10").write(export().resolve("a.csv"));
    ingest("run-1", BillingPeriodRange.all());
    september("acct-1", "bad", "bad", "11").write(export().resolve("a.csv"));

    StageProgress progress = new StageProgress();
    StageContext context =
        context(
            TestConfigs.singleCsvExport("azure-test", "azure", export()),
            "run-2",
            BillingPeriodRange.all());
    ChargeIngest failing = new ChargeIngest(context, TestStages.rates(context));
    assertThatThrownBy(() -> failing.execute(TestStages.ingest(context, progress)))
        .isInstanceOf(RejectRatioExceededException.class)
        .hasMessageContaining("66.67% of rows were quarantined")
        .hasMessageContaining("cloudshift.quality.max-reject-ratio");
    assertThat(billed("acct-1", "2024-09-01")).as("silver unchanged").isEqualByComparingTo("10");
    assertThat(writer().read(Tables.REJECTED_CHARGES).count())
        .as("rejects kept for inspection")
        .isEqualTo(2);
    assertThat(progress.tableVersions()).containsOnlyKeys(Tables.REJECTED_CHARGES);
    assertThat(progress.inputs())
        .extracting(InputCount::rowsIn, InputCount::rowsQuarantine)
        .containsExactly(tuple(3L, 2L));
  }

  @Test
  void unattributedRowsAreCountedPerFileFromWhatSilverHolds() throws Exception {
    // acct-1 is nobody's compute account in the bundled rules: the charge is the provider's other
    // revenue.
    september("acct-1", "10", "20").write(export().resolve("a.csv"));
    StageProgress run = ingest("run-1", BillingPeriodRange.all());
    assertThat(run.inputs())
        .extracting(InputCount::rowsSilver, InputCount::rowsUnattributed)
        .containsExactly(tuple(2L, 2L));
    assertThat(run.tableVersions())
        .containsKeys(Tables.CHARGES, Tables.REJECTED_CHARGES, Tables.CHARGES_MONTHLY);
  }

  @Test
  void silverIsPartitionedSoThatASliceIsWholePartitions() throws Exception {
    september("acct-1", "10").write(export().resolve("a.csv"));
    ingest("run-1", BillingPeriodRange.all());
    List<Object> partitioning =
        SparkTestSession.get()
            .sql("DESCRIBE DETAIL delta.`" + dir.resolve("warehouse/charges") + "`")
            .select("partitionColumns")
            .head()
            .getList(0);
    assertThat(partitioning).containsExactly("billing_month", "export_id");
  }
}
