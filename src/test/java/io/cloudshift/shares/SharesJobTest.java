package io.cloudshift.shares;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudshift.config.CloudshiftConfig;
import io.cloudshift.config.InvalidConfigException;
import io.cloudshift.currency.CurrencyConversion;
import io.cloudshift.currency.ReferenceRates;
import io.cloudshift.ingest.MonthlyAggregate;
import io.cloudshift.io.DeltaTableWriter;
import io.cloudshift.io.Warehouse;
import io.cloudshift.schema.ChargeColumns;
import io.cloudshift.schema.ChargesMonthlyTable;
import io.cloudshift.schema.LabProviderMonthlyTable;
import io.cloudshift.schema.PartnershipTermsTable;
import io.cloudshift.schema.ShareShiftEventsTable;
import io.cloudshift.schema.Tables;
import io.cloudshift.testing.TestConfigs;
import io.cloudshift.testing.TestStages;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code shares} job on a tiny silver warehouse: every table written and documented. A rerun of
 * every stage giving the same rows is LauncherIT's, on the bundled data.
 */
class SharesJobTest {
  private static final List<String> TABLES =
      List.of(
          Tables.LAB_PROVIDER_MONTHLY,
          Tables.LAB_CONCENTRATION_MONTHLY,
          Tables.PROVIDER_LAB_MIX_QUARTERLY,
          Tables.SHARE_SHIFT_EVENTS);

  private final SparkSession spark = SharesFixtures.spark();

  private static CloudshiftConfig config(Path warehouse) {
    return TestConfigs.bundled(
        Map.of("warehouse", warehouse.toString(), "windows.share-shift-months", "[3]"));
  }

  /**
   * Silver charges with the columns the job reads (the others are not needed by charges_monthly).
   */
  private void writeSilver(DeltaTableWriter writer) {
    Dataset<Row> charges =
        spark.sql(
            "SELECT 'file:/x.csv' AS source_file, 'exp' AS export_id, provider, lab, stream,"
                + " CAST(billing_month AS DATE) AS billing_month, billing_currency,"
                + " CAST(billing_month AS TIMESTAMP) AS charge_period_start,"
                + " CAST(add_months(billing_month, 1) AS TIMESTAMP) AS charge_period_end,"
                + " CAST(billed_cost AS DECIMAL(38,12)) AS billed_cost, CAST(billed_cost AS"
                + " DECIMAL(38,12)) AS effective_cost, is_ai_workload, counts_as_revenue FROM"
                + " VALUES "
                // OpenAI compute: Jan azure 80 + 10 (two charges), aws 10 -> T 100, azure 0.9; Feb
                // azure 50, aws 50.
                + "('azure', 'OpenAI', 'compute', '2026-01-01', 'USD', 80, true, true), "
                + "('azure', 'OpenAI', 'compute', '2026-01-01', 'USD', 10, true, true), "
                + "('aws', 'OpenAI', 'compute', '2026-01-01', 'USD', 10, true, true), "
                + "('azure', 'OpenAI', 'compute', '2026-02-01', 'USD', 50, true, true), "
                + "('aws', 'OpenAI', 'compute', '2026-02-01', 'USD', 50, true, true), "
                // Tax (does not count as revenue) and other customers' revenue.
                + "('azure', 'OpenAI', 'compute', '2026-02-01', 'USD', 999, false, false),"
                + " ('azure', CAST(NULL AS STRING), 'unattributed', '2026-02-01', 'USD', 40, true,"
                + " true) AS t(provider, lab, stream, billing_month, billing_currency, billed_cost,"
                + " is_ai_workload, counts_as_revenue)");
    assertThat(charges.columns()).allSatisfy(c -> assertThat(ChargeColumns.ALL).contains(c));
    writer.replace(
        ChargesMonthlyTable.SPEC,
        MonthlyAggregate.of(charges, new CurrencyConversion(ReferenceRates.of(Map.of()), "USD")));
    writer.replace(
        PartnershipTermsTable.SPEC,
        SharesFixtures.terms()
            .add("AWS1", "OpenAI", "aws", "2026-02-10", null, "none", null, null)
            .build());
  }

  @Test
  void writesEveryTableWithItsComments(@TempDir Path warehouseDir) {
    CloudshiftConfig config = config(warehouseDir);
    Warehouse warehouse = new Warehouse(config.warehouse());
    DeltaTableWriter writer =
        new DeltaTableWriter(spark, warehouse, "{\"run_id\":\"shares-test\"}");
    writeSilver(writer);

    Map<String, Long> versions =
        TestStages.execute(new SharesJob(TestStages.context(config, writer)));

    assertThat(versions.keySet()).containsExactlyElementsOf(TABLES);
    Dataset<Row> lpm = writer.read(Tables.LAB_PROVIDER_MONTHLY);
    assertThat(lpm.columns()).containsExactlyElementsOf(LabProviderMonthlyTable.SPEC.columnNames());
    // 2 providers x 2 months; Jan azure (80 + 10) / 100 = 0.9.
    assertThat(lpm.count()).isEqualTo(4);
    Row janAzure =
        lpm.where(
                col("provider")
                    .equalTo("azure")
                    .and(col("month").equalTo(SharesFixtures.month("2026-01"))))
            .head();
    assertThat(janAzure.<BigDecimal>getAs("share")).isEqualByComparingTo("0.9");
    // Comments travel into Delta: the table's and each column's.
    String description =
        spark
            .sql("DESCRIBE DETAIL delta.`" + warehouse.path(Tables.SHARE_SHIFT_EVENTS) + "`")
            .head()
            .getAs("description");
    assertThat(description).isEqualTo(ShareShiftEventsTable.SPEC.comment());
    assertThat(writer.read(Tables.SHARE_SHIFT_EVENTS).schema().apply("delta_pp").getComment().get())
        .contains("percentage points");
    // AWS1 in Feb, w = 3: pre = Jan only (aws 10 of 100 = 0.1), post = Feb only (50 of 100 = 0.5):
    // +40 pp.
    Row shift =
        writer.read(Tables.SHARE_SHIFT_EVENTS).where(col("stream").equalTo("compute")).head();
    assertThat(shift.<BigDecimal>getAs("pre_share")).isEqualByComparingTo("0.1");
    assertThat(shift.<BigDecimal>getAs("delta_pp")).isEqualByComparingTo("40");
    // The mix counts the unattributed 40 as '(other)', not the tax row: azure 2026Q1 = 90 (Jan) +
    // 50 + 40 (Feb) = 180.
    assertThat(
            writer
                .read(Tables.PROVIDER_LAB_MIX_QUARTERLY)
                .where(
                    col("provider")
                        .equalTo("azure")
                        .and(col("lab").equalTo("(other)"))
                        .and(col("quarter_basis").equalTo("calendar")))
                .head()
                .<BigDecimal>getAs("provider_ai_revenue"))
        .isEqualByComparingTo("180");
  }

  @Test
  void aReportingCurrencyChangedSinceIngestStopsTheStageBeforeItWrites(@TempDir Path warehouseDir) {
    CloudshiftConfig inEuros =
        TestConfigs.bundled(
            Map.of("warehouse", warehouseDir.toString(), "reporting-currency", "EUR"));
    DeltaTableWriter writer =
        new DeltaTableWriter(
            spark, new Warehouse(inEuros.warehouse()), "{\"run_id\":\"shares-test\"}");
    // charges_monthly as an ingest with the default reporting currency, USD, wrote it.
    writeSilver(writer);

    assertThatThrownBy(() -> TestStages.execute(new SharesJob(TestStages.context(inEuros, writer))))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessageContaining("charges_monthly holds amounts converted into USD")
        .hasMessageContaining("cloudshift.reporting-currency = EUR");
    assertThat(writer.exists(Tables.LAB_PROVIDER_MONTHLY)).isFalse();
  }
}
