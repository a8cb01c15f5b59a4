package io.cloudshift.uplift;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudshift.config.CloudshiftConfig;
import io.cloudshift.io.DeltaTableWriter;
import io.cloudshift.io.Warehouse;
import io.cloudshift.schema.ChargesMonthlyTable;
import io.cloudshift.schema.Columns;
import io.cloudshift.schema.LabProviderMonthlyTable;
import io.cloudshift.schema.LabRevenueColumns;
import io.cloudshift.schema.LabRevenueTable;
import io.cloudshift.schema.PartnershipTermsTable;
import io.cloudshift.schema.Tables;
import io.cloudshift.schema.UpliftMonthlyTable;
import io.cloudshift.schema.UpliftQuarterlyTable;
import io.cloudshift.testing.TestConfigs;
import io.cloudshift.testing.TestStages;
import io.cloudshift.uplift.UpliftFixtures.LabRevenue;
import io.cloudshift.uplift.UpliftFixtures.Lpm;
import io.cloudshift.uplift.UpliftFixtures.Terms;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The uplift job at its I/O edge: reads the three inputs, writes both gold tables, headline
 * (missing inputs: StageRunnerTest, PipelineTest).
 */
class UpliftJobTest {
  @TempDir Path warehouseDir;

  @Test
  void writesBothTablesAndSummarisesTheLatestQuarter() {
    SparkSession spark = UpliftFixtures.spark();
    CloudshiftConfig config = TestConfigs.bundled(Map.of("warehouse", warehouseDir.toString()));
    DeltaTableWriter writer =
        new DeltaTableWriter(spark, new Warehouse(config.warehouse()), "{\"run_id\":\"t\"}");
    // The resale / compute example of UpliftMonthlyTest, data to July 2026, with an inbound share
    // (20 % of $1,000 a month, uncapped before, capped at $500 from the event).
    Lpm lpm =
        new Lpm()
            .range("OpenAI", "azure", "resale", "2025-10", "2026-03", "90")
            .range("OpenAI", "aws", "resale", "2025-10", "2026-03", "10")
            .range("OpenAI", "azure", "resale", "2026-04", "2026-07", "105")
            .range("OpenAI", "aws", "resale", "2026-04", "2026-07", "45")
            .range("OpenAI", "azure", "compute", "2025-10", "2026-03", "100")
            .range("OpenAI", "aws", "compute", "2025-10", "2026-03", "100")
            .range("OpenAI", "azure", "compute", "2026-04", "2026-07", "120")
            .range("OpenAI", "aws", "compute", "2026-04", "2026-07", "180");
    Terms terms =
        new Terms()
            .add(
                "P01",
                "OpenAI",
                "azure",
                "2023-01-23",
                "2026-04-27",
                "exclusive",
                "0.20",
                "0.20",
                null)
            .add("P02", "OpenAI", "azure", "2026-04-27", null, "none", "0", "0.20", "500");
    LabRevenue labRevenue =
        new LabRevenue()
            .add(
                "R1",
                "OpenAI",
                LabRevenueColumns.ANNUALIZED_RUN_RATE_USD,
                "2025-01-01",
                "2026-12-31",
                "1000");
    writer.replace(LabProviderMonthlyTable.SPEC, lpm.build());
    writer.replace(ChargesMonthlyTable.SPEC, lpm.chargesMonthly());
    writer.replace(PartnershipTermsTable.SPEC, terms.build());
    writer.replace(LabRevenueTable.SPEC, labRevenue.build());

    Map<String, Long> versions =
        TestStages.execute(new UpliftJob(TestStages.context(config, writer)));

    assertThat(versions)
        .containsOnlyKeys(Tables.UPLIFT_MONTHLY, Tables.UPLIFT_QUARTERLY, Tables.UPLIFT_ESTIMATES);
    Dataset<Row> monthly = writer.read(Tables.UPLIFT_MONTHLY);
    Dataset<Row> quarterly = writer.read(Tables.UPLIFT_QUARTERLY);
    Dataset<Row> estimates = writer.read(Tables.UPLIFT_ESTIMATES);
    assertThat(monthly.columns()).containsExactlyElementsOf(UpliftMonthlyTable.SPEC.columnNames());
    assertThat(quarterly.columns())
        .containsExactlyElementsOf(UpliftQuarterlyTable.SPEC.columnNames());
    assertThat(monthly.schema().apply(Columns.BREAK_EVEN_SHARE).getComment().get())
        .startsWith("s* = s_cf x g0 / g1");

    // The latest calendar quarter of the April 2026 event is 2026Q3 (July only):
    //   compute: U = 120 - 0.5 x 300 = -30 = share effect; volume 0.5 x (300 - 200) = 50; margin 0;
    // s 0.4 vs s* 0.5
    //   resale:  U = 105 - 0.9 x 150 x 0.8 = -3; volume 36, share -24, margin 21; s 0.7 vs s* 0.72
    //   inbound: the cap of 500 counts from 27 April: 200 x 4/30 = 26.666666666667 in April, 200
    //   in May and June, so July pays what is left, 73.333333333333; I_old = 200, U =
    //   -126.666666666667
    List<HeadlineRow> allModels =
        UpliftJob.headline(quarterly, estimates, "OpenAI", "azure", LocalDate.of(2026, 4, 27));
    // Per model, then stream: the frozen model's three streams first.
    assertThat(allModels)
        .extracting(HeadlineRow::model)
        .containsExactly(
            "frozen", "frozen", "frozen", "trend", "trend", "trend", "control", "control",
            "control");
    List<HeadlineRow> headline = allModels.subList(0, 3);
    assertThat(headline)
        .extracting(HeadlineRow::stream)
        .containsExactly("compute", "resale", "inbound");
    assertThat(headline)
        .allSatisfy(
            h -> {
              assertThat(h.quarter()).isEqualTo("2026Q3");
              assertThat(h.monthsInQuarter()).isEqualTo(1);
              assertThat(h.lastMonth()).isEqualTo(LocalDate.of(2026, 7, 1));
              assertThat(h.currency()).isEqualTo("USD");
            });
    HeadlineRow compute = headline.get(0);
    assertThat(compute.uplift()).isEqualByComparingTo("-30");
    assertThat(compute.volumeEffect()).isEqualByComparingTo("50");
    assertThat(compute.shareEffect()).isEqualByComparingTo("-30");
    assertThat(compute.marginEffect()).isEqualByComparingTo("0");
    assertThat(compute.netActual()).isEqualByComparingTo("120");
    assertThat(compute.netCounterfactual()).isEqualByComparingTo("150");
    assertThat(compute.latestShare()).isEqualByComparingTo("0.4");
    assertThat(compute.breakEvenShare()).isEqualByComparingTo("0.5");
    assertThat(compute.aboveBreakEven()).isFalse();
    HeadlineRow resale = headline.get(1);
    assertThat(resale.uplift()).isEqualByComparingTo("-3");
    assertThat(resale.volumeEffect()).isEqualByComparingTo("36");
    assertThat(resale.shareEffect()).isEqualByComparingTo("-24");
    assertThat(resale.marginEffect()).isEqualByComparingTo("21");
    assertThat(resale.latestShare()).isEqualByComparingTo("0.7");
    assertThat(resale.breakEvenShare()).isEqualByComparingTo("0.72");
    HeadlineRow inbound = headline.get(2);
    assertThat(inbound.netActual()).isEqualByComparingTo("73.333333333333");
    assertThat(inbound.netCounterfactual()).isEqualByComparingTo("200");
    assertThat(inbound.uplift()).isEqualByComparingTo("-126.666666666667");
    assertThat(inbound.volumeEffect()).isNull();
    assertThat(inbound.breakEvenShare()).isNull();
    assertThat(inbound.aboveBreakEven()).isNull();
    // Unknown event: empty headline
    assertThat(UpliftJob.headline(quarterly, estimates, "OpenAI", "aws", LocalDate.of(2026, 4, 27)))
        .isEmpty();
  }
}
