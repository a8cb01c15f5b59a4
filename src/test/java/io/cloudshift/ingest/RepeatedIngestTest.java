package io.cloudshift.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudshift.audit.StageProgress;
import io.cloudshift.config.BillingPeriodRange;
import io.cloudshift.config.CloudshiftConfig;
import io.cloudshift.config.RunContext;
import io.cloudshift.io.Warehouse;
import io.cloudshift.schema.Columns;
import io.cloudshift.schema.Tables;
import io.cloudshift.stage.StageContext;
import io.cloudshift.testing.FocusCsv;
import io.cloudshift.testing.SparkTestSession;
import io.cloudshift.testing.TableContents;
import io.cloudshift.testing.TestConfigs;
import io.cloudshift.testing.TestStages;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/guarantees.md Idempotent: a period ingested again and again leaves the charge tables with
 * the same content. Content is compared by a hash computed by the test ({@link TableContents}),
 * run_id left out since each run has its own.
 */
class RepeatedIngestTest {
  private static final String OPENAI_ON_AZURE =
      "/providers/Microsoft.Billing/billingAccounts/71000001";

  @TempDir Path dir;
  private CloudshiftConfig config;

  /**
   * Three months of an OpenAI compute account, Azure OpenAI resale and another customer, one bad
   * row.
   */
  @BeforeEach
  void export() throws Exception {
    Path export = dir.resolve("export");
    for (String month : List.of("2026-07", "2026-08", "2026-09")) {
      YearMonth m = YearMonth.parse(month);
      String start = m.atDay(1) + "T00:00:00Z";
      String end = m.plusMonths(1).atDay(1) + "T00:00:00Z";
      String charge = m.atDay(2) + "T00:00:00Z";
      FocusCsv csv = FocusCsv.focus12();
      for (String[] row :
          List.of(
              new String[] {OPENAI_ON_AZURE, "Virtual Machines", "1000"},
              new String[] {"acct-other", "Azure OpenAI Service", "300"},
              new String[] {"acct-other", "Virtual Machines", "5000"})) {
        csv.row(
            "BillingAccountId",
            row[0],
            "ServiceName",
            row[1],
            "BilledCost",
            row[2],
            "EffectiveCost",
            row[2],
            "BillingPeriodStart",
            start,
            "BillingPeriodEnd",
            end,
            "ChargePeriodStart",
            charge,
            "ChargePeriodEnd",
            charge.replace("T00", "T01"));
      }
      csv.row(
          "BilledCost",
          "n/a",
          "BillingPeriodStart",
          start,
          "BillingPeriodEnd",
          end,
          "ChargePeriodStart",
          charge,
          "ChargePeriodEnd",
          charge);
      csv.write(export.resolve("billing_period=" + month + "/charges.csv"));
    }
    config =
        TestConfigs.withExports(
            "[{ id = azure-test, provider = azure, format = csv, path = \"" + export + "\" }]",
            Map.of(
                "warehouse", dir.resolve("warehouse").toString(), "quality.max-reject-ratio", "1"));
  }

  private Map<String, String> contentHashes() {
    return TableContents.hashes(dir.resolve("warehouse"), Set.of(), Set.of(Columns.RUN_ID));
  }

  /**
   * The stage that honours --period, which a schedule runs every month: ten times, the same silver.
   */
  @Test
  void tenIngestsOfTheSamePeriodLeaveTheChargeTablesWithTheSameContent() throws Exception {
    RunContext run =
        new RunContext("ingest-1", "ingest", BillingPeriodRange.parse("2026-07:2026-09"));
    StageContext context =
        StageContext.of(SparkTestSession.get(), config, new Warehouse(config.warehouse()), run);
    new ChargeIngest(context, TestStages.rates(context))
        .execute(TestStages.ingest(context, new StageProgress()));
    Map<String, String> first = contentHashes();
    assertThat(first)
        .containsOnlyKeys(Tables.CHARGES, Tables.REJECTED_CHARGES, Tables.CHARGES_MONTHLY);
    assertThat(first.get(Tables.CHARGES)).startsWith("9 rows");
    assertThat(first.get(Tables.REJECTED_CHARGES)).startsWith("3 rows");

    for (int i = 2; i <= 10; i++) {
      run = new RunContext("ingest-" + i, "ingest", BillingPeriodRange.parse("2026-07:2026-09"));
      StageContext again =
          StageContext.of(SparkTestSession.get(), config, new Warehouse(config.warehouse()), run);
      new ChargeIngest(again, TestStages.rates(again))
          .execute(TestStages.ingest(again, new StageProgress()));
      assertThat(contentHashes()).as("after ingest %d", i).isEqualTo(first);
    }
  }
}
