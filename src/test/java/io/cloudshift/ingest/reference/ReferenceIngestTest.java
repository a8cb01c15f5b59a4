package io.cloudshift.ingest.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.cloudshift.audit.InputCount;
import io.cloudshift.audit.StageProgress;
import io.cloudshift.config.BillingPeriodRange;
import io.cloudshift.config.CloudshiftConfig;
import io.cloudshift.config.ConfigLoader;
import io.cloudshift.config.RunContext;
import io.cloudshift.ingest.DataQualityException;
import io.cloudshift.io.DeltaTableWriter;
import io.cloudshift.io.InputNotFoundException;
import io.cloudshift.io.Warehouse;
import io.cloudshift.schema.Columns;
import io.cloudshift.schema.DisclosureColumns;
import io.cloudshift.schema.FxRatesTable;
import io.cloudshift.schema.LabRevenueColumns;
import io.cloudshift.schema.PartnershipColumns;
import io.cloudshift.schema.RejectedColumns;
import io.cloudshift.schema.Tables;
import io.cloudshift.testing.SparkTestSession;
import io.cloudshift.testing.TestStages;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReferenceIngestTest {
  private static final List<String> TABLES =
      List.of(
          Tables.PARTNERSHIP_TERMS,
          Tables.REJECTED_PARTNERSHIPS,
          Tables.LAB_REVENUE,
          Tables.PROVIDER_DISCLOSURES,
          Tables.FX_RATES,
          Tables.REJECTED_REFERENCE);

  /** Three publication days, the last one unreadable: the full history is EcbRatesFileTest's. */
  private static final List<String> FX_RATES =
      List.of(
          "Date,USD,GBP,",
          "2026-04-27,1.1400,0.8650,",
          "2026-04-24,1.1364,0.8700,",
          "2026-04-23,1.1300,n/a,");

  private static final String PARTNERSHIPS_HEADER = String.join(",", PartnershipColumns.INPUT);
  private static final String LAB_REVENUE_HEADER = String.join(",", LabRevenueColumns.INPUT);
  private static final String DISCLOSURES_HEADER = String.join(",", DisclosureColumns.INPUT);

  // 6 rows: 3 silver (OpenAI–Azure chain), 1 bad share, 2 overlapping (same start).
  private static final List<String> PARTNERSHIPS =
      List.of(
          PARTNERSHIPS_HEADER,
          "P01,OpenAI,azure,Azure"
              + " exclusive,2019-07-22,2019-07-22,,exclusive,0.20,0.20,,,,,1000000000,"
              + "https://a.example,,assumed,P01,",
          "P07,OpenAI,azure,ROFR,2025-01-21,2025-01-21,,rofr,0.20,0.20,,,,,,https://b.example,"
              + "https://c.example;https://d.example,reported,P07;L11,\"two-way"
              + " share, \"\"reported\"\"\"",
          "P13,OpenAI,azure,Amended,2026-04-27,2026-04-27,2031-01-01,none,0,0.20,38000000000,,,"
              + "0.27,,https://e.example,,reported,P13,",
          "BAD,OpenAI,gcp,Bad"
              + " share,2025-05-01,2025-05-01,,none,20%,,,,,,,https://f.example,,reported,P22,",
          "A05,Anthropic,gcp,TPU"
              + " expansion,2025-10-01,2025-10-01,,none,,,,,,0.14,,https://g.example,,reported,"
              + "A05,",
          "A05b,Anthropic,gcp,TPU expansion"
              + " (duplicate),2025-10-01,2025-10-01,,none,,,,,,0.14,,https://g.example,,"
              + "reported,A05,");

  // 3 rows: 2 silver, 1 negative.
  private static final List<String> LAB_REVENUE =
      List.of(
          LAB_REVENUE_HEADER,
          "L03,OpenAI,annualized_run_rate_usd,2025-07-01,2025-07-31,12000000000,"
              + "https://h.example,reported,",
          "L01b,OpenAI,period_revenue_usd,2024-01-01,2024-12-31,6000000000,https://i.example,"
              + "reported,\"Calendar"
              + " 2024\n"
              + "revenue\"",
          "NEG,OpenAI,period_revenue_usd,2024-01-01,2024-12-31,-1,https://j.example,reported,");

  // 3 rows: 2 silver, 1 whose dates are not the named fiscal quarter.
  private static final List<String> DISCLOSURES =
      List.of(
          DISCLOSURES_HEADER,
          "MS-01,azure,Azure and other cloud"
              + " services,2023,1,FY23Q1,2022-07-01,2022-09-30,revenue_growth_yoy,0.35,,"
              + "https://k.example,confirmed,MS-01,",
          "AWS-1,aws,AWS,2025,4,Q4"
              + " 2025,2025-10-01,2025-12-31,segment_revenue_usd,35600000000,,"
              + "https://l.example,confirmed,AWS-1,",
          "MS-BAD,azure,Azure and other cloud"
              + " services,2023,1,FY23Q1,2023-01-01,2023-03-31,revenue_growth_yoy,0.27,,"
              + "https://m.example,confirmed,MS-03,");

  /** The run's as-of date, fixed so is_current does not depend on the day the test runs. */
  private static final LocalDate AS_OF = LocalDate.of(2026, 12, 6);

  @TempDir Path dir;

  private final SparkSession spark = SparkTestSession.get();

  @Test
  void writesSilverAndQuarantineWithRunAndSourceFile() throws IOException {
    CloudshiftConfig config = config(PARTNERSHIPS, LAB_REVENUE, DISCLOSURES);

    StageProgress progress = ingest(config, "run-7");

    assertThat(progress.inputs())
        .extracting(
            InputCount::dataset,
            InputCount::rowsIn,
            InputCount::rowsSilver,
            InputCount::rowsQuarantine)
        .containsExactly(
            tuple("partnerships", 6L, 3L, 3L),
            tuple("lab-revenue", 3L, 2L, 1L),
            tuple("provider-disclosures", 3L, 2L, 1L),
            tuple("fx-rates", 3L, 2L, 1L));
    assertThat(progress.tableVersions()).containsOnlyKeys(TABLES);
    assertThat(
            table(Tables.PARTNERSHIP_TERMS).orderBy(PartnershipColumns.VALID_FROM).collectAsList())
        .extracting(
            r -> r.getAs(PartnershipColumns.RECORD_ID),
                r -> String.valueOf(r.<Object>getAs(PartnershipColumns.VALID_TO)),
            r -> r.getAs(PartnershipColumns.IS_CURRENT), r -> r.getAs(PartnershipColumns.VERSION))
        .containsExactly(
            tuple("P01", "2025-01-21", false, 1),
            tuple("P07", "2026-04-27", false, 2),
            tuple("P13", "2031-01-01", true, 3));
    assertThat(table(Tables.REJECTED_PARTNERSHIPS).collectAsList())
        .extracting(
            r -> r.getAs(Columns.RUN_ID),
            r -> r.getAs(Columns.SOURCE_FILE),
            r -> r.getAs(RejectedColumns.REASON_CODE))
        .containsExactlyInAnyOrder(
            tuple("run-7", config.input("partnerships"), "BAD_SHARE"),
            tuple("run-7", config.input("partnerships"), "OVERLAPPING_TERMS"),
            tuple("run-7", config.input("partnerships"), "OVERLAPPING_TERMS"));
    assertThat(table(Tables.REJECTED_REFERENCE).collectAsList())
        .extracting(
            r -> r.getAs(RejectedColumns.DATASET),
            r -> r.getAs(Columns.SOURCE_FILE),
            r -> r.getAs(RejectedColumns.REASON_CODE))
        .containsExactlyInAnyOrder(
            tuple("lab-revenue", config.input("lab-revenue"), "NEGATIVE_AMOUNT"),
            tuple("provider-disclosures", config.input("provider-disclosures"), "BAD_PERIOD"),
            tuple("fx-rates", config.input("fx-rates"), "BAD_NUMBER"));
    assertThat(table(Tables.LAB_REVENUE).orderBy(Columns.FACT_ID).collectAsList())
        .extracting(
            r -> r.getAs(Columns.FACT_ID),
            r -> r.getAs(LabRevenueColumns.MONTHLY_REVENUE_USD).toString())
        .containsExactly(tuple("L01b", "500000000.00"), tuple("L03", "1000000000.00"));
    assertThat(table(Tables.PROVIDER_DISCLOSURES).count()).isEqualTo(2);
    assertThat(
            table(Tables.FX_RATES)
                .orderBy(FxRatesTable.RATE_DATE, Columns.CURRENCY)
                .collectAsList())
        .extracting(
            r -> r.getAs(FxRatesTable.RATE_DATE).toString(),
            r -> r.getAs(Columns.CURRENCY),
            r -> r.<java.math.BigDecimal>getAs(FxRatesTable.UNITS_PER_EURO).toPlainString())
        .containsExactly(
            tuple("2026-04-24", "GBP", "0.87000000"),
            tuple("2026-04-24", "USD", "1.13640000"),
            tuple("2026-04-27", "GBP", "0.86500000"),
            tuple("2026-04-27", "USD", "1.14000000"));
  }

  @Test
  void aChangedFileIsMergedIntoTheTermsHistory() throws IOException {
    ingest(configWithoutHeadline(PARTNERSHIPS.subList(0, 3), LAB_REVENUE, DISCLOSURES), "run-1");
    assertThat(table(Tables.PARTNERSHIP_TERMS).collectAsList())
        .extracting(
            r -> r.getAs(PartnershipColumns.RECORD_ID), r -> r.getAs(PartnershipColumns.IS_CURRENT))
        .containsExactlyInAnyOrder(tuple("P01", false), tuple("P07", true));

    ingest(config(PARTNERSHIPS, LAB_REVENUE, DISCLOSURES), "run-2");

    assertThat(table(Tables.PARTNERSHIP_TERMS).collectAsList())
        .extracting(
            r -> r.getAs(PartnershipColumns.RECORD_ID),
            r -> String.valueOf(r.<Object>getAs(PartnershipColumns.VALID_TO)),
            r -> r.getAs(PartnershipColumns.VERSION))
        .containsExactlyInAnyOrder(
            tuple("P01", "2025-01-21", 1),
            tuple("P07", "2026-04-27", 2),
            tuple("P13", "2031-01-01", 3));
  }

  @Test
  void emptyQuarantinesAreStillWrittenWithTheirSchema() throws IOException {
    ingest(
        config(
            PARTNERSHIPS.subList(0, 3),
            LAB_REVENUE.subList(0, 2),
            DISCLOSURES.subList(0, 2),
            Map.of(
                "summary.headline",
                "null",
                "inputs.fx-rates",
                write("clean-rates.csv", FX_RATES.subList(0, 3)))),
        "run-1");

    assertThat(table(Tables.REJECTED_PARTNERSHIPS).count()).isZero();
    assertThat(table(Tables.REJECTED_PARTNERSHIPS).columns())
        .containsExactly(
            Columns.RUN_ID,
            Columns.SOURCE_FILE,
            RejectedColumns.REASON_CODE,
            RejectedColumns.REASON_DETAIL,
            RejectedColumns.RAW);
    assertThat(table(Tables.REJECTED_REFERENCE).count()).isZero();
    assertThat(table(Tables.REJECTED_REFERENCE).columns())
        .containsExactly(
            RejectedColumns.DATASET,
            Columns.RUN_ID,
            Columns.SOURCE_FILE,
            RejectedColumns.REASON_CODE,
            RejectedColumns.REASON_DETAIL,
            RejectedColumns.RAW);
  }

  @Test
  void aMissingInputFailsBeforeAnyTableIsWritten() throws IOException {
    CloudshiftConfig config = config(PARTNERSHIPS, LAB_REVENUE, DISCLOSURES);
    Files.delete(Path.of(config.input("provider-disclosures")));

    assertThatThrownBy(() -> ingest(config, "run-1"))
        .isInstanceOf(InputNotFoundException.class)
        .hasMessageStartingWith(
            "Cannot read provider-disclosures input "
                + config.input("provider-disclosures")
                + ": no such file (")
        .hasMessageNotContaining("\n");
    assertThat(dir.resolve("warehouse")).doesNotExist();
  }

  /**
   * Issue 20, item 1: with {@code openai} in the records and {@code OpenAI} in the attribution
   * rules, the OpenAI x Azure terms changes matched no charge and vanished without a word. Lab
   * names are matched to the attribution spelling ignoring case and spaces; a name matching no rule
   * is reported.
   */
  @Test
  void labNamesTakeTheAttributionSpellingWhateverTheirCaseAndANameMatchingNoRuleIsReported()
      throws IOException {
    List<String> partnerships =
        List.of(
            PARTNERSHIPS.get(0),
            PARTNERSHIPS.get(1).replace(",OpenAI,", ",openai,"),
            PARTNERSHIPS.get(2).replace(",OpenAI,", ",\"  OPENAI \","),
            PARTNERSHIPS.get(3).replace(",OpenAI,", ",OpenAi,"),
            "X01,Acme Labs,gcp,Compute"
                + " deal,2025-05-01,2025-05-01,,none,,,,,,,,https://x.example,,reported,X01,");
    List<String> labRevenue =
        List.of(
            LAB_REVENUE.get(0),
            LAB_REVENUE.get(1).replace(",OpenAI,", ",openai,"),
            LAB_REVENUE.get(2).replace(",OpenAI,", ",OPENAI ,"),
            LAB_REVENUE.get(3).replace(",OpenAI,", ",Acme Labs,").replace(",-1,", ",1,"));

    StageProgress progress = ingest(config(partnerships, labRevenue, DISCLOSURES), "run-1");

    assertThat(
            table(Tables.PARTNERSHIP_TERMS).orderBy(PartnershipColumns.VALID_FROM).collectAsList())
        .extracting(
            r -> r.getAs(PartnershipColumns.RECORD_ID),
            r -> r.getAs(Columns.LAB),
            r -> r.getAs(PartnershipColumns.VERSION))
        .containsExactly(
            tuple("P01", "OpenAI", 1),
            tuple("P07", "OpenAI", 2),
            tuple("X01", "Acme Labs", 1),
            tuple("P13", "OpenAI", 3));
    assertThat(table(Tables.LAB_REVENUE).orderBy(Columns.FACT_ID).collectAsList())
        .extracting(r -> r.<String>getAs(Columns.LAB))
        .containsExactly("OpenAI", "OpenAI", "Acme Labs");
    String known = "[Anthropic, Cohere, Meta, Mistral, OpenAI, xAI]";
    assertThat(progress.notes())
        .containsExactly(
            "Partnership records "
                + dir.resolve("inputs/partnership_records.csv")
                + " name lab(s) [Acme Labs] that no attribution rule names (known: "
                + known
                + "): their terms changes have no attributed spend, hence no shares or uplift",
            "Lab revenue "
                + dir.resolve("inputs/lab_revenue.csv")
                + " names lab(s) [Acme Labs] that no attribution rule names (known: "
                + known
                + "): their figures are not used");
  }

  /**
   * ... and where such a name would drop the configured headline event, the run fails before
   * writing anything.
   */
  @Test
  void aHeadlineEventTheRecordsDoNotHoldFailsTheIngestBeforeAnythingIsWritten() throws IOException {
    List<String> partnerships =
        List.of(
            PARTNERSHIPS.get(0),
            PARTNERSHIPS.get(1),
            PARTNERSHIPS.get(2),
            PARTNERSHIPS.get(3).replace(",OpenAI,", ",Open AI,"));

    assertThatThrownBy(() -> ingest(config(partnerships, LAB_REVENUE, DISCLOSURES), "run-1"))
        .isInstanceOf(DataQualityException.class)
        .hasMessage(
            "Cannot ingest partnership records: "
                + dir.resolve("inputs/partnership_records.csv")
                + " holds no valid record of the headline terms change"
                + " (cloudshift.summary.headline: OpenAI x azure from 2026-04-27); labs that no"
                + " attribution rule names: [Open AI] (nothing was written; fix the records, see"
                + " rejected_partnerships of an earlier run, or the headline)");
    assertThat(dir.resolve("warehouse")).doesNotExist();
  }

  private StageProgress ingest(CloudshiftConfig config, String runId) {
    DeltaTableWriter writer =
        new DeltaTableWriter(
            spark, new Warehouse(config.warehouse()), "{\"run_id\":\"" + runId + "\"}");
    StageProgress progress = new StageProgress();
    TestStages.referenceIngest(
        TestStages.context(
            config, writer, new RunContext(runId, "ingest", BillingPeriodRange.all(), AS_OF)),
        progress);
    return progress;
  }

  /**
   * The bundled config (headline: OpenAI x azure from 2026-04-27, record P13) reading these inputs.
   */
  private CloudshiftConfig config(
      List<String> partnerships, List<String> labRevenue, List<String> disclosures)
      throws IOException {
    return config(partnerships, labRevenue, disclosures, Map.of());
  }

  /** For records without P13: the bundled config's headline would fail the ingest. */
  private CloudshiftConfig configWithoutHeadline(
      List<String> partnerships, List<String> labRevenue, List<String> disclosures)
      throws IOException {
    return config(partnerships, labRevenue, disclosures, Map.of("summary.headline", "null"));
  }

  private CloudshiftConfig config(
      List<String> partnerships,
      List<String> labRevenue,
      List<String> disclosures,
      Map<String, String> more)
      throws IOException {
    Path conf =
        Path.of(System.getProperty("cloudshift.project.dir", "."), "conf", "cloudshift.conf");
    Map<String, String> overrides =
        new java.util.HashMap<>(
            Map.of(
                "inputs.partnerships", write("partnership_records.csv", partnerships),
                "inputs.lab-revenue", write("lab_revenue.csv", labRevenue),
                "inputs.provider-disclosures", write("provider_disclosures.csv", disclosures),
                "inputs.fx-rates", write("eurofxref-hist.csv", FX_RATES),
                "warehouse", dir.resolve("warehouse").toString()));
    overrides.putAll(more);
    return ConfigLoader.load(List.of(conf), overrides);
  }

  private String write(String name, List<String> lines) throws IOException {
    Path file = dir.resolve("inputs").resolve(name);
    Files.createDirectories(file.getParent());
    Files.write(file, lines, StandardCharsets.UTF_8);
    return file.toString();
  }

  private Dataset<Row> table(String table) {
    return spark.read().format("delta").load(path(table));
  }

  private String path(String table) {
    return dir.resolve("warehouse").resolve(table).toString();
  }
}
