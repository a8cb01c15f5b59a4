package io.cloudshift.reconciliation;

import static io.cloudshift.schema.RevenueReconciliationTable.COMPLETE_IN_DATA;
import static io.cloudshift.schema.RevenueReconciliationTable.COMPUTE_REVENUE;
import static io.cloudshift.schema.RevenueReconciliationTable.COVERAGE;
import static io.cloudshift.schema.RevenueReconciliationTable.DATA_TOTAL_VS_DISCLOSED;
import static io.cloudshift.schema.RevenueReconciliationTable.DISCLOSED_METRIC;
import static io.cloudshift.schema.RevenueReconciliationTable.DISCLOSED_SEGMENT;
import static io.cloudshift.schema.RevenueReconciliationTable.DISCLOSED_SEGMENT_REVENUE;
import static io.cloudshift.schema.RevenueReconciliationTable.DISCLOSED_VALUE;
import static io.cloudshift.schema.RevenueReconciliationTable.EXCLUDED_CURRENCIES;
import static io.cloudshift.schema.RevenueReconciliationTable.LAB_ATTRIBUTED;
import static io.cloudshift.schema.RevenueReconciliationTable.MONTHS_IN_DATA;
import static io.cloudshift.schema.RevenueReconciliationTable.RESALE_REVENUE;
import static io.cloudshift.schema.RevenueReconciliationTable.TOTAL_IN_DATA;
import static io.cloudshift.schema.RevenueReconciliationTable.UNATTRIBUTED;
import static org.apache.spark.sql.functions.lit;
import static org.assertj.core.api.Assertions.assertThat;

import io.cloudshift.config.CloudshiftConfig;
import io.cloudshift.io.DeltaTableWriter;
import io.cloudshift.io.Warehouse;
import io.cloudshift.schema.ChargesMonthlyTable;
import io.cloudshift.schema.Columns;
import io.cloudshift.schema.DisclosureColumns;
import io.cloudshift.schema.ProviderDisclosuresTable;
import io.cloudshift.schema.QuarterBasis;
import io.cloudshift.schema.RevenueReconciliationTable;
import io.cloudshift.schema.TableSpec;
import io.cloudshift.schema.Tables;
import io.cloudshift.testing.SparkTestSession;
import io.cloudshift.testing.TestConfigs;
import io.cloudshift.testing.TestStages;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Date;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * revenue_reconciliation on hand-made charges_monthly and provider_disclosures (one job run for the
 * whole class). The bundled conf's fiscal calendars: azure (Microsoft) starts in July, oci (Oracle)
 * in June.
 */
class ReconcileJobTest {
  private static final BigDecimal B = new BigDecimal("1000000000");
  private static final BigDecimal M = new BigDecimal("1000000");

  @TempDir static Path dir;
  private static List<Row> result;

  private static CloudshiftConfig config(Path warehouse) {
    return TestConfigs.bundled(Map.of("warehouse", warehouse.toString()));
  }

  private static DeltaTableWriter writer(CloudshiftConfig config) {
    return new DeltaTableWriter(
        SparkTestSession.get(), new Warehouse(config.warehouse()), "{\"test\":true}");
  }

  private static Row charge(
      String provider,
      String lab,
      String stream,
      String month,
      String currency,
      BigDecimal billed) {
    return RowFactory.create(provider, lab, stream, Date.valueOf(month), currency, billed);
  }

  private static BigDecimal times(BigDecimal unit, String n) {
    return unit.multiply(new BigDecimal(n));
  }

  /**
   * azure, Jul–Sep 2025 each month: OpenAI compute 0.8B + Anthropic compute 0.2B, OpenAI resale
   * 0.5B, unattributed 2B (USD), and in August an EUR row that must not be summed. October 2025:
   * OpenAI compute 1.2B only. oci, Dec 2025 – Feb 2026: xAI compute 0.2B, 0.25B, 0.25B;
   * unattributed 0.3B, 0.35B, 0.35B.
   */
  private static Dataset<Row> chargesMonthly(SparkSession spark) {
    List<Row> rows = new ArrayList<>();
    for (String month : List.of("2025-07-01", "2025-08-01", "2025-09-01")) {
      rows.add(charge("azure", "OpenAI", "compute", month, "USD", times(B, "0.8")));
      rows.add(charge("azure", "Anthropic", "compute", month, "USD", times(B, "0.2")));
      rows.add(charge("azure", "OpenAI", "resale", month, "USD", times(B, "0.5")));
      rows.add(charge("azure", null, "unattributed", month, "USD", times(B, "2")));
    }
    rows.add(charge("azure", null, "unattributed", "2025-08-01", "EUR", times(B, "9")));
    rows.add(charge("azure", "OpenAI", "compute", "2025-10-01", "USD", times(B, "1.2")));
    String[][] oracle = {
      {"2025-12-01", "200", "300"}, {"2026-01-01", "250", "350"}, {"2026-02-01", "250", "350"}
    };
    for (String[] m : oracle) {
      rows.add(charge("oci", "xAI", "compute", m[0], "USD", times(M, m[1])));
      rows.add(charge("oci", null, "unattributed", m[0], "USD", times(M, m[2])));
    }
    StructType schema =
        new StructType()
            .add(Columns.PROVIDER, DataTypes.StringType)
            .add(Columns.LAB, DataTypes.StringType)
            .add(Columns.STREAM, DataTypes.StringType)
            .add(Columns.MONTH, DataTypes.DateType)
            .add(Columns.BILLING_CURRENCY, DataTypes.StringType)
            .add(Columns.BILLED_REVENUE, ChargesMonthlyTable.MONEY);
    return withAllColumns(spark.createDataFrame(rows, schema), ChargesMonthlyTable.SPEC);
  }

  private static Row disclosure(
      String id,
      String provider,
      String segment,
      int fy,
      int fq,
      String label,
      String start,
      String end,
      String metric,
      String value,
      String basis) {
    return RowFactory.create(
        id,
        provider,
        segment,
        fy,
        fq,
        label,
        Date.valueOf(start),
        Date.valueOf(end),
        metric,
        new BigDecimal(value),
        basis,
        "https://example.test/" + id,
        "confirmed",
        id,
        null);
  }

  private static Dataset<Row> disclosures(SparkSession spark) {
    List<Row> rows =
        List.of(
            // Microsoft FY26Q1 = Jul–Sep 2025: two revenue segments, and a growth figure that is
            // not revenue.
            disclosure(
                "MS-20-4",
                "azure",
                "Microsoft Intelligent Cloud",
                2026,
                1,
                "FY26Q1",
                "2025-07-01",
                "2025-09-30",
                DisclosureColumns.SEGMENT_REVENUE_USD,
                "30897000000",
                "new segment basis FY25+"),
            disclosure(
                "MS-T-1",
                "azure",
                "Microsoft AI business",
                2026,
                1,
                "FY26Q1",
                "2025-07-01",
                "2025-09-30",
                DisclosureColumns.AI_RUN_RATE_USD,
                "40000000000",
                null),
            disclosure(
                "MS-20-1",
                "azure",
                "Azure and other cloud services",
                2026,
                1,
                "FY26Q1",
                "2025-07-01",
                "2025-09-30",
                DisclosureColumns.REVENUE_GROWTH_YOY,
                "0.40",
                null),
            // Microsoft FY25Q4 = Apr–Jun 2025: disclosed, no data.
            disclosure(
                "MS-19b-2",
                "azure",
                "Microsoft Intelligent Cloud",
                2025,
                4,
                "FY25Q4",
                "2025-04-01",
                "2025-06-30",
                DisclosureColumns.SEGMENT_REVENUE_USD,
                "29900000000",
                "new segment basis FY25+"),
            // Oracle FY26Q3 = Dec 2025 – Feb 2026, across a calendar-year boundary.
            disclosure(
                "OR-09-2",
                "oci",
                "OCI (IaaS)",
                2026,
                3,
                "FY26Q3",
                "2025-12-01",
                "2026-02-28",
                DisclosureColumns.SEGMENT_REVENUE_USD,
                "4900000000",
                null));
    return spark.createDataFrame(rows, ProviderDisclosuresTable.SPEC.schema());
  }

  static Dataset<Row> withAllColumns(Dataset<Row> rows, TableSpec spec) {
    Dataset<Row> result = rows;
    for (TableSpec.Column c : spec.columns()) {
      if (!List.of(rows.columns()).contains(c.name())) {
        result = result.withColumn(c.name(), lit(null).cast(c.type()));
      }
    }
    return result;
  }

  @BeforeAll
  static void reconcile() {
    SparkSession spark = SparkTestSession.get();
    CloudshiftConfig config = config(dir.resolve("warehouse"));
    DeltaTableWriter writer = writer(config);
    writer.replace(ChargesMonthlyTable.SPEC, chargesMonthly(spark));
    writer.replace(ProviderDisclosuresTable.SPEC, disclosures(spark));
    Map<String, Long> versions =
        TestStages.execute(new ReconcileJob(TestStages.context(config, writer)));
    assertThat(versions).containsOnlyKeys(Tables.REVENUE_RECONCILIATION);
    Dataset<Row> table = writer.read(Tables.REVENUE_RECONCILIATION);
    assertThat(table.columns())
        .containsExactlyElementsOf(RevenueReconciliationTable.SPEC.columnNames());
    result = table.collectAsList();
  }

  private static List<Row> rows(String provider, String basis, String label) {
    return result.stream()
        .filter(
            r ->
                r.getAs(Columns.PROVIDER).equals(provider)
                    && r.getAs(Columns.QUARTER_BASIS).equals(basis)
                    && r.getAs(Columns.QUARTER_LABEL).equals(label))
        .toList();
  }

  private static Row row(String provider, String basis, String label, String disclosureId) {
    return rows(provider, basis, label).stream()
        .filter(r -> java.util.Objects.equals(r.getAs(Columns.DISCLOSURE_ID), disclosureId))
        .findFirst()
        .orElseThrow(
            () ->
                new AssertionError(
                    "no row " + provider + " " + basis + " " + label + " " + disclosureId));
  }

  @Test
  void microsoftFy26q1IsMatchedToJulyToSeptember2025ByItsSpan() {
    Row ic = row("azure", QuarterBasis.FISCAL, "FY26Q1", "MS-20-4");
    assertThat(ic.<Integer>getAs(Columns.QUARTER_YEAR)).isEqualTo(2026);
    assertThat(ic.<Integer>getAs(Columns.QUARTER_NUMBER)).isEqualTo(1);
    assertThat(ic.<Date>getAs(Columns.QUARTER_START)).isEqualTo(Date.valueOf("2025-07-01"));
    assertThat(ic.<Date>getAs(Columns.QUARTER_END)).isEqualTo(Date.valueOf("2025-09-30"));
    assertThat(ic.<Integer>getAs(MONTHS_IN_DATA)).isEqualTo(3);
    assertThat(ic.<Boolean>getAs(COMPLETE_IN_DATA)).isTrue();
    // compute 3 × (0.8B + 0.2B) = 3.0B; resale 3 × 0.5B = 1.5B; lab-attributed 4.5B;
    // unattributed 3 × 2B = 6B; total 10.5B (the EUR 9B row is not summed and is named instead)
    assertThat(ic.<BigDecimal>getAs(COMPUTE_REVENUE)).isEqualByComparingTo("3000000000");
    assertThat(ic.<BigDecimal>getAs(RESALE_REVENUE)).isEqualByComparingTo("1500000000");
    assertThat(ic.<BigDecimal>getAs(LAB_ATTRIBUTED)).isEqualByComparingTo("4500000000");
    assertThat(ic.<BigDecimal>getAs(UNATTRIBUTED)).isEqualByComparingTo("6000000000");
    assertThat(ic.<BigDecimal>getAs(TOTAL_IN_DATA)).isEqualByComparingTo("10500000000");
    assertThat(ic.<String>getAs(EXCLUDED_CURRENCIES)).isEqualTo("EUR");
    assertThat(ic.<String>getAs(DISCLOSED_SEGMENT)).isEqualTo("Microsoft Intelligent Cloud");
    assertThat(ic.<BigDecimal>getAs(DISCLOSED_SEGMENT_REVENUE)).isEqualByComparingTo("30897000000");
    assertThat(ic.<String>getAs(Columns.SOURCE_URL)).isEqualTo("https://example.test/MS-20-4");
    assertThat(ic.<String>getAs(Columns.CONFIDENCE)).isEqualTo("confirmed");
    // coverage = 4.5B / 30.897B = 0.145645208272648...; data total = 10.5B / 30.897B =
    // 0.339838819302845...
    assertThat(ic.<BigDecimal>getAs(COVERAGE).doubleValue())
        .isCloseTo(0.145645208272648, org.assertj.core.api.Assertions.within(1e-12));
    assertThat(ic.<BigDecimal>getAs(DATA_TOTAL_VS_DISCLOSED).doubleValue())
        .isCloseTo(0.339838819302845, org.assertj.core.api.Assertions.within(1e-12));
    // The span Jul–Sep is also calendar 2025Q3: the same figures on the calendar basis.
    Row calendar = row("azure", QuarterBasis.CALENDAR, "2025Q3", "MS-20-4");
    assertThat(calendar.<Integer>getAs(Columns.QUARTER_YEAR))
        .as("calendar basis: the calendar year")
        .isEqualTo(2025);
    assertThat(calendar.<Integer>getAs(Columns.QUARTER_NUMBER)).isEqualTo(3);
    assertThat(calendar.<BigDecimal>getAs(COVERAGE))
        .isEqualByComparingTo(ic.<BigDecimal>getAs(COVERAGE));
  }

  @Test
  void twoSegmentsOfOneQuarterAreTwoRowsAndARunRateCountsAQuarter() {
    assertThat(rows("azure", QuarterBasis.FISCAL, "FY26Q1"))
        .extracting(r -> r.<String>getAs(DISCLOSED_SEGMENT))
        .containsExactlyInAnyOrder(
            "Microsoft Intelligent Cloud",
            "Microsoft AI business"); // growth figure not a revenue row
    Row ai = row("azure", QuarterBasis.FISCAL, "FY26Q1", "MS-T-1");
    assertThat(ai.<String>getAs(DISCLOSED_METRIC)).isEqualTo(DisclosureColumns.AI_RUN_RATE_USD);
    assertThat(ai.<BigDecimal>getAs(DISCLOSED_VALUE)).isEqualByComparingTo("40000000000");
    // quarterly equivalent = 40B / 4 = 10B; coverage = 4.5B / 10B = 0.45; data total = 10.5B / 10B
    // = 1.05
    assertThat(ai.<BigDecimal>getAs(DISCLOSED_SEGMENT_REVENUE)).isEqualByComparingTo("10000000000");
    assertThat(ai.<BigDecimal>getAs(COVERAGE)).isEqualByComparingTo("0.45");
    assertThat(ai.<BigDecimal>getAs(DATA_TOTAL_VS_DISCLOSED)).isEqualByComparingTo("1.05");
    assertThat(rows("azure", QuarterBasis.CALENDAR, "2025Q3")).hasSize(2);
  }

  @Test
  void aQuarterWithDataButNoDisclosureStillAppears() {
    // October 2025: fiscal FY26Q2 (Oct–Dec 2025), calendar 2025Q4; one month of data, 1.2B compute.
    for (String[] key :
        new String[][] {{QuarterBasis.FISCAL, "FY26Q2"}, {QuarterBasis.CALENDAR, "2025Q4"}}) {
      List<Row> rows = rows("azure", key[0], key[1]);
      assertThat(rows).hasSize(1);
      Row r = rows.get(0);
      assertThat(r.<Integer>getAs(MONTHS_IN_DATA)).isEqualTo(1);
      assertThat(r.<Boolean>getAs(COMPLETE_IN_DATA)).isFalse();
      assertThat(r.<BigDecimal>getAs(LAB_ATTRIBUTED)).isEqualByComparingTo("1200000000");
      assertThat(r.<BigDecimal>getAs(RESALE_REVENUE)).isEqualByComparingTo("0");
      assertThat(r.<String>getAs(Columns.DISCLOSURE_ID)).isNull();
      assertThat(r.<Object>getAs(DISCLOSED_SEGMENT_REVENUE)).isNull();
      assertThat(r.<Object>getAs(COVERAGE)).isNull();
      assertThat(r.<String>getAs(EXCLUDED_CURRENCIES)).isNull();
    }
  }

  @Test
  void aDisclosedQuarterWithoutDataAppearsWithDataNull() {
    Row r = row("azure", QuarterBasis.FISCAL, "FY25Q4", "MS-19b-2");
    assertThat(r.<Date>getAs(Columns.QUARTER_START)).isEqualTo(Date.valueOf("2025-04-01"));
    assertThat(r.<Integer>getAs(MONTHS_IN_DATA)).isEqualTo(0);
    assertThat(r.<Object>getAs(LAB_ATTRIBUTED)).isNull();
    assertThat(r.<Object>getAs(TOTAL_IN_DATA)).isNull();
    assertThat(r.<BigDecimal>getAs(DISCLOSED_SEGMENT_REVENUE)).isEqualByComparingTo("29900000000");
    assertThat(r.<Object>getAs(COVERAGE)).isNull();
    assertThat(rows("azure", QuarterBasis.CALENDAR, "2025Q2")).hasSize(1);
  }

  @Test
  void oracleFy26q3SpansDecemberToFebruaryAcrossTheYearBoundary() {
    Row r = row("oci", QuarterBasis.FISCAL, "FY26Q3", "OR-09-2");
    assertThat(r.<Integer>getAs(Columns.QUARTER_YEAR)).isEqualTo(2026);
    assertThat(r.<Integer>getAs(Columns.QUARTER_NUMBER)).isEqualTo(3);
    assertThat(r.<Date>getAs(Columns.QUARTER_START)).isEqualTo(Date.valueOf("2025-12-01"));
    assertThat(r.<Date>getAs(Columns.QUARTER_END)).isEqualTo(Date.valueOf("2026-02-28"));
    assertThat(r.<Integer>getAs(MONTHS_IN_DATA)).isEqualTo(3);
    // lab = 0.2B + 0.25B + 0.25B = 0.7B; unattributed 0.3B + 0.35B + 0.35B = 1.0B; total 1.7B
    assertThat(r.<BigDecimal>getAs(LAB_ATTRIBUTED)).isEqualByComparingTo("700000000");
    assertThat(r.<BigDecimal>getAs(UNATTRIBUTED)).isEqualByComparingTo("1000000000");
    assertThat(r.<BigDecimal>getAs(TOTAL_IN_DATA)).isEqualByComparingTo("1700000000");
    // coverage = 0.7B / 4.9B = 1/7 = 0.142857142857...; data total = 1.7B / 4.9B =
    // 0.346938775510...
    assertThat(r.<BigDecimal>getAs(COVERAGE).doubleValue())
        .isCloseTo(0.142857142857143, org.assertj.core.api.Assertions.within(1e-12));
    assertThat(r.<BigDecimal>getAs(DATA_TOTAL_VS_DISCLOSED).doubleValue())
        .isCloseTo(0.346938775510204, org.assertj.core.api.Assertions.within(1e-12));
    // In calendar quarters the same months split: 2025Q4 (Dec: 0.2B) and 2026Q1 (Jan + Feb: 0.5B),
    // neither disclosed.
    Row q4 = rows("oci", QuarterBasis.CALENDAR, "2025Q4").get(0);
    Row q1 = rows("oci", QuarterBasis.CALENDAR, "2026Q1").get(0);
    assertThat(q4.<BigDecimal>getAs(LAB_ATTRIBUTED)).isEqualByComparingTo("200000000");
    assertThat(q1.<BigDecimal>getAs(LAB_ATTRIBUTED)).isEqualByComparingTo("500000000");
    assertThat(q1.<Integer>getAs(MONTHS_IN_DATA)).isEqualTo(2);
    assertThat(q4.<String>getAs(Columns.DISCLOSURE_ID)).isNull();
    assertThat(rows("oci", QuarterBasis.FISCAL, "FY26Q3"))
        .as("one fiscal quarter, not one per month")
        .hasSize(1);
  }

  @Test
  void everyRowIsAccountedFor() {
    // azure fiscal: FY25Q4, FY26Q1 × 2 segments, FY26Q2; calendar: 2025Q2, 2025Q3 × 2, 2025Q4 → 8
    // oci fiscal: FY26Q3; calendar: 2025Q4, 2026Q1 → 3
    assertThat(result).hasSize(11);
  }
}
