package io.cloudshift.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudshift.config.CloudshiftConfig;
import io.cloudshift.schema.ChargeColumns;
import io.cloudshift.schema.Columns;
import io.cloudshift.schema.RejectedColumns;
import io.cloudshift.testing.FocusCsv;
import io.cloudshift.testing.SparkTestSession;
import io.cloudshift.testing.TestConfigs;
import io.cloudshift.testing.TestStages;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading FOCUS files end to end without writing: tolerant parsing, versions, reason codes. */
class ChargeReadTest {
  @TempDir Path dir;

  private List<Row> read(CloudshiftConfig config) {
    ChargeIngest ingest =
        new ChargeIngest(TestStages.context(config, null), TestStages.rates(config));
    Dataset<Row> rows =
        config.exports().stream()
            .map(e -> ingest.parsed(e).orElseThrow())
            .reduce(Dataset::unionByName)
            .orElseThrow();
    return ingest.attributed(rows).orderBy(ChargeColumns.CHARGE_DESCRIPTION).collectAsList();
  }

  private List<Row> readCsv(String text) throws Exception {
    FocusCsv.writeText(dir.resolve("export/part.csv"), text);
    return read(TestConfigs.singleCsvExport("azure-test", "azure", dir.resolve("export")));
  }

  private static String reason(Row r) {
    return r.getAs(RejectedColumns.REASON_CODE);
  }

  @Test
  void acceptsTheSampleQuirksNullLiteralsSpaceTimestampsBomAndCrlf() throws Exception {
    String text =
        "\uFEFF"
            + FocusCsv.focus12()
                .row(
                    "BillingPeriodStart",
                    "2024-09-01 00:00:00",
                    "BillingPeriodEnd",
                    "2024-10-01 00:00:00",
                    "ChargePeriodStart",
                    "2024-09-30 22:00:00",
                    "ChargePeriodEnd",
                    "2024-09-30 23:00:00",
                    "ChargeClass",
                    "NULL",
                    "SubAccountId",
                    "null",
                    "BilledCost",
                    "6.123E-7",
                    "ChargeDescription",
                    "a")
                .row(
                    "BillingPeriodStart",
                    "2024-09-01T00:00:00.000Z",
                    "BillingPeriodEnd",
                    "2024-10-01T00:00:00.000Z",
                    "ChargeCategory",
                    "usage",
                    "ChargeDescription",
                    "b")
                .text("\r\n");
    List<Row> rows = readCsv(text + "\r\n");

    assertThat(rows).hasSize(2);
    assertThat(rows).allSatisfy(r -> assertThat(reason(r)).isNull());
    Row a = rows.get(0);
    assertThat(a.<BigDecimal>getAs(ChargeColumns.BILLED_COST)).isEqualByComparingTo("0.0000006123");
    assertThat(a.<Object>getAs(ChargeColumns.CHARGE_CLASS)).isNull();
    assertThat(a.<Object>getAs(ChargeColumns.SUB_ACCOUNT_ID)).isNull();
    assertThat(a.getAs(ChargeColumns.BILLING_MONTH).toString()).isEqualTo("2024-09-01");
    assertThat(a.<String>getAs(ChargeColumns.FOCUS_VERSION)).isEqualTo(FocusVersion.V1_2);
    // Lower-case enum values are unambiguous: recased, not rejected.
    assertThat(rows.get(1).<String>getAs(ChargeColumns.CHARGE_CATEGORY)).isEqualTo("Usage");
  }

  @Test
  void billingMonthIsTheUtcMonthOfBillingPeriodStart() throws Exception {
    List<Row> rows =
        readCsv(
            FocusCsv.focus12()
                .row(
                    "BillingPeriodStart",
                    "2024-09-01T00:00:00+02:00",
                    "BillingPeriodEnd",
                    "2024-10-01T00:00:00+02:00",
                    "ChargeDescription",
                    "a")
                .text("\n"));
    // 2024-09-01T00:00+02:00 is 2024-08-31T22:00Z: the billing month is August in UTC.
    assertThat(rows.get(0).getAs(ChargeColumns.BILLING_MONTH).toString()).isEqualTo("2024-08-01");
  }

  @Test
  void eachMoneyRuleHasItsReasonCode() throws Exception {
    List<Row> rows =
        readCsv(
            FocusCsv.focus12()
                .row("ChargeDescription", "01 null", "BilledCost", "NULL")
                .row("ChargeDescription", "02 number", "BilledCost", "$10,000.00 ")
                .row("ChargeDescription", "03 effective", "EffectiveCost", "12,50")
                .row("ChargeDescription", "04 datetime", "ChargePeriodStart", "5/1/25")
                .row("ChargeDescription", "05 period", "BillingPeriodEnd", "2024-08-01T00:00:00Z")
                .row("ChargeDescription", "06 currency", "BillingCurrency", "XXX")
                .row("ChargeDescription", "07 category", "ChargeCategory", "Refund")
                .row("ChargeDescription", "08 class", "ChargeClass", "Restatement")
                .row("ChargeDescription", "09 clean")
                .text("\n"));

    assertThat(rows.stream().map(ChargeReadTest::reason).collect(Collectors.toList()))
        .containsExactly(
            "NULL_REQUIRED",
            "BAD_NUMBER",
            "BAD_NUMBER",
            "BAD_DATETIME",
            "BAD_PERIOD",
            "UNKNOWN_CURRENCY",
            "BAD_ENUM",
            "BAD_ENUM",
            null);
    assertThat(rows.get(0).<String>getAs(RejectedColumns.REASON_DETAIL))
        .isEqualTo("BilledCost is null");
    assertThat(rows.get(1).<String>getAs(RejectedColumns.REASON_DETAIL)).contains("$10,000.00");
    // The raw row keeps the file's own values for the quarantine.
    assertThat(rows.get(1).<String>getAs(FocusNormalizer.RAW))
        .contains("\"BilledCost\":\"$10,000.00 \"");
  }

  /**
   * Issue 8: a 26-digit cost fit decimal(38,12), entered silver, and two of them overflowed every
   * later shares run.
   */
  @Test
  void aCostNoChargeLineHasIsQuarantinedSoNoSumCanOverflow() throws Exception {
    List<Row> rows =
        readCsv(
            FocusCsv.focus12()
                .row("ChargeDescription", "01 poison", "BilledCost", "99999999999999999999999999")
                .row("ChargeDescription", "02 poison credit", "EffectiveCost", "-1000000000000000")
                .row(
                    "ChargeDescription",
                    "03 largest allowed",
                    "BilledCost",
                    "999999999999999.999999999999",
                    "EffectiveCost",
                    "-999999999999999")
                .text("\n"));
    assertThat(rows)
        .extracting(ChargeReadTest::reason)
        .containsExactly("AMOUNT_OUT_OF_RANGE", "AMOUNT_OUT_OF_RANGE", null);
    assertThat(rows.get(0).<String>getAs(RejectedColumns.REASON_DETAIL))
        .isEqualTo(
            "BilledCost '99999999999999999999999999' is not below 1000000000000000 in absolute"
                + " value");
  }

  @Test
  void aFileWithoutAMandatoryColumnIsQuarantinedWhole() throws Exception {
    List<Row> rows =
        readCsv(
            FocusCsv.focus12()
                .row("ChargeDescription", "a")
                .row("ChargeDescription", "b")
                .dropColumn("BillingCurrency")
                .text("\n"));
    assertThat(rows)
        .extracting(ChargeReadTest::reason)
        .containsExactly("MISSING_COLUMN", "MISSING_COLUMN");
    assertThat(rows.get(0).<String>getAs(RejectedColumns.REASON_DETAIL))
        .contains("BillingCurrency");
  }

  @Test
  void olderVersionNamesAndOtherCasesAreRenamed() throws Exception {
    // 1.0-preview spelled ChargeType / AmortizedCost and had ChargeSubcategory 'Refund' instead of
    // ChargeClass.
    FocusCsv csv =
        FocusCsv.focus12()
            .row("ChargeDescription", "a", "BilledCost", "-3", "EffectiveCost", "-3")
            .dropColumn("InvoiceId")
            .dropColumn("ServiceSubcategory")
            .dropColumn("SkuMeter")
            .dropColumn("ChargeClass")
            .renameColumn("ChargeCategory", "ChargeType")
            .renameColumn("EffectiveCost", "AmortizedCost")
            .renameColumn("RegionId", "Region")
            .renameColumn("BillingAccountId", "billingaccountid");
    String text =
        csv.text("\n")
            .replace("\"ContractedCost\"", "\"ChargeSubcategory\"")
            .replace("\"11\"", "\"Refund\"");
    List<Row> rows = readCsv(text);

    Row r = rows.get(0);
    assertThat(reason(r)).isNull();
    assertThat(r.<String>getAs(ChargeColumns.FOCUS_VERSION)).isEqualTo(FocusVersion.V1_0_PREVIEW);
    assertThat(r.<BigDecimal>getAs(ChargeColumns.EFFECTIVE_COST)).isEqualByComparingTo("-3");
    assertThat(r.<String>getAs(ChargeColumns.CHARGE_CATEGORY)).isEqualTo("Usage");
    assertThat(r.<String>getAs(ChargeColumns.CHARGE_CLASS)).isEqualTo("Correction");
    assertThat(r.<String>getAs(ChargeColumns.BILLING_ACCOUNT_ID)).isEqualTo("acct-1");
    assertThat(r.<String>getAs(ChargeColumns.REGION_ID)).isEqualTo("eastus");
  }

  @Test
  void version13TakesTheSellerFromServiceProviderName() throws Exception {
    FocusCsv csv = FocusCsv.focus12().row("ChargeDescription", "a", "PublisherName", "Microsoft");
    String text =
        csv.text("\n")
            .replace("\"InvoiceId\"", "\"ServiceProviderName\"")
            .replace("\"INV-1\"", "\"Red Hat Inc.\"");
    Row r = readCsv(text).get(0);
    assertThat(r.<String>getAs(ChargeColumns.FOCUS_VERSION)).isEqualTo(FocusVersion.V1_3);
    assertThat(r.<String>getAs(ChargeColumns.SELLER_NAME)).isEqualTo("Red Hat Inc.");
    assertThat(r.<Boolean>getAs(ChargeColumns.IS_MARKETPLACE)).isTrue();
  }

  @Test
  void gzippedCsvAndAccountIdsWithLeadingZerosSurvive() throws Exception {
    FocusCsv.writeText(
        dir.resolve("export/billing_period=2024-09/part.csv.gz"),
        FocusCsv.focus12()
            .row("BillingAccountId", "004100000002", "ChargeDescription", "a")
            .text("\n"));
    Row r = read(TestConfigs.singleCsvExport("aws-test", "aws", dir.resolve("export"))).get(0);
    assertThat(r.<String>getAs(ChargeColumns.BILLING_ACCOUNT_ID)).isEqualTo("004100000002");
    assertThat(r.<String>getAs(Columns.PROVIDER)).isEqualTo("aws");
  }

  @Test
  void parquetExportsKeepTheirTypedCostsAndTimestamps() {
    var spark = SparkTestSession.get();
    spark
        .sql(
            "SELECT CAST(12.25 AS DECIMAL(38,10)) AS BilledCost, CAST(12.25 AS DOUBLE) AS"
                + " EffectiveCost, 'acct-9' AS BillingAccountId, 'USD' AS BillingCurrency,"
                + " TIMESTAMP'2024-09-01 00:00:00' AS BillingPeriodStart, TIMESTAMP'2024-10-01"
                + " 00:00:00' AS BillingPeriodEnd, TIMESTAMP'2024-09-02 00:00:00' AS"
                + " ChargePeriodStart, TIMESTAMP'2024-09-03 00:00:00' AS ChargePeriodEnd, 'Usage'"
                + " AS ChargeCategory, CAST(NULL AS STRING) AS ChargeClass, 'Compute' AS"
                + " ServiceCategory, 'Amazon EC2' AS ServiceName, 'p5.48xlarge' AS SkuId,"
                + " map('team', 'x') AS Tags")
        .write()
        .parquet(dir.resolve("pq/billing_period=2024-09").toString());
    CloudshiftConfig config =
        TestConfigs.withExports(
            "[{ id = aws-pq, provider = aws, format = parquet, path = \""
                + dir.resolve("pq")
                + "\" }]",
            Map.of());
    Row r = read(config).get(0);
    assertThat(reason(r)).isNull();
    assertThat(r.<BigDecimal>getAs(ChargeColumns.BILLED_COST)).isEqualByComparingTo("12.25");
    assertThat(r.<BigDecimal>getAs(ChargeColumns.EFFECTIVE_COST)).isEqualByComparingTo("12.25");
    assertThat(r.<Boolean>getAs(ChargeColumns.IS_AI_WORKLOAD)).as("p5 is a GPU instance").isTrue();
  }

  @Test
  void bytesThatAreNotValidInTheExportsEncodingAreQuarantinedNotReplaced() throws Exception {
    String text =
        FocusCsv.focus12()
            .row("BillingAccountId", "acct-\u00e9", "ChargeDescription", "a")
            .text("\n");
    Path file = dir.resolve("latin1/part.csv");
    java.nio.file.Files.createDirectories(file.getParent());
    java.nio.file.Files.write(file, text.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));

    // Read as UTF-8 the é would become U+FFFD, merging acct-é with any other undecodable id.
    Row utf8 = read(TestConfigs.singleCsvExport("azure-test", "azure", file.getParent())).get(0);
    assertThat(reason(utf8)).isEqualTo("BAD_ENCODING");
    assertThat(utf8.<String>getAs(RejectedColumns.REASON_DETAIL))
        .startsWith("BillingAccountId holds bytes that are not valid");

    Row latin1 =
        read(TestConfigs.withExports(
                "[{ id = azure-test, provider = azure, format = csv, encoding = ISO-8859-1, path ="
                    + " \""
                    + file.getParent()
                    + "\" }]",
                Map.of()))
            .get(0);
    assertThat(reason(latin1)).isNull();
    assertThat(latin1.<String>getAs(ChargeColumns.BILLING_ACCOUNT_ID)).isEqualTo("acct-\u00e9");
  }

  @Test
  void aHeaderNamingACostTwiceIsQuarantinedWholeAndHeaderCaseDoesNotHideTheVersion()
      throws Exception {
    String twice =
        FocusCsv.focus12()
            .row("ChargeDescription", "a")
            .text("\n")
            .replaceFirst("\"InvoiceId\"", "\"billedcost\"");
    Row r = readCsv(twice).get(0);
    assertThat(reason(r)).isEqualTo("DUPLICATE_COLUMN");
    assertThat(r.<String>getAs(RejectedColumns.REASON_DETAIL)).contains("BilledCost");

    String lower =
        FocusCsv.focus12()
            .row("ChargeDescription", "a")
            .text("\n")
            .replace("\"InvoiceId\"", "\"invoiceid\"");
    assertThat(readCsv(lower).get(0).<String>getAs(ChargeColumns.FOCUS_VERSION))
        .isEqualTo(FocusVersion.V1_2);
  }

  @Test
  void aBillingMonthOutsideThePlausibleRangeIsQuarantined() throws Exception {
    List<Row> rows =
        readCsv(
            FocusCsv.focus12()
                .row(
                    "ChargeDescription",
                    "a",
                    "BillingPeriodStart",
                    "1900-01-01T00:00:00Z",
                    "BillingPeriodEnd",
                    "1900-02-01T00:00:00Z",
                    "ChargePeriodStart",
                    "1900-01-02T00:00:00Z",
                    "ChargePeriodEnd",
                    "1900-01-03T00:00:00Z")
                .row(
                    "ChargeDescription",
                    "b",
                    "BillingPeriodStart",
                    "2200-01-01T00:00:00Z",
                    "BillingPeriodEnd",
                    "2200-02-01T00:00:00Z",
                    "ChargePeriodStart",
                    "2200-01-02T00:00:00Z",
                    "ChargePeriodEnd",
                    "2200-01-03T00:00:00Z")
                .row("ChargeDescription", "c")
                .text("\n"));
    assertThat(rows)
        .extracting(ChargeReadTest::reason)
        .containsExactly("BAD_PERIOD", "BAD_PERIOD", null);
    assertThat(rows.get(0).<String>getAs(RejectedColumns.REASON_DETAIL))
        .isEqualTo(
            "billing month 1900-01 is outside cloudshift.focus.billing-months [2010-01, 2040-12]");
  }

  @Test
  void aMultiProviderFileMapsItsProviderColumnAndQuarantinesUnknownValues() throws Exception {
    FocusCsv.writeText(
        dir.resolve("multi/part.csv"),
        FocusCsv.focus12()
            .row("ProviderName", "AWS", "ChargeDescription", "a")
            .row("ProviderName", "Alibaba", "ChargeDescription", "b")
            .text("\n"));
    CloudshiftConfig config =
        TestConfigs.withExports(
            "[{ id = multi, format = csv, path = \""
                + dir.resolve("multi")
                + "\", provider-column = ProviderName, provider-values { AWS = aws } }]",
            Map.of());
    List<Row> rows = read(config);
    assertThat(rows.get(0).<String>getAs(Columns.PROVIDER)).isEqualTo("aws");
    assertThat(reason(rows.get(1))).isEqualTo("UNKNOWN_PROVIDER");
    assertThat(rows.get(1).<String>getAs(RejectedColumns.REASON_DETAIL)).contains("Alibaba");
  }
}
