package io.cloudshift.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count_if;
import static org.apache.spark.sql.functions.is_valid_utf8;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.when;
import static org.assertj.core.api.Assertions.assertThat;

import io.cloudshift.audit.InputCount;
import io.cloudshift.schema.ChargeColumns;
import io.cloudshift.schema.Columns;
import io.cloudshift.schema.RejectedColumns;
import io.cloudshift.schema.Tables;
import io.cloudshift.testing.FocusCsv;
import io.cloudshift.testing.SparkTestSession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bad-input corpus (docs/ingest.md, "Bad-input corpus"): small files under
 * src/test/resources/corpus, one export per case, plus cases written here (a 10 MB field, Parquet
 * files whose types differ) and the FOCUS spec's SaaS examples (files that cannot be read at all:
 * UnreadableFilesTest). All are ingested by one run; each case then checks its export: the records
 * counted in the file without Spark, the rows in silver, the rows quarantined per reason code. The
 * expected numbers are counted by hand from the files, and each case's records = silver +
 * quarantined is checked on those hand counts before the tables are.
 */
class BadInputCorpusTest {
  private static final Path CORPUS = Path.of("src", "test", "resources", "corpus");
  private static final Path SPEC_SAAS =
      Path.of("datasets/focus-sample/FOCUS_Spec-v1.2/specification/data/saas_examples");
  private static final int TEN_MB = 10 * 1024 * 1024;

  @TempDir static Path dir;
  private static IngestHarness harness;
  private static Map<String, List<InputCount>> inputs;

  /** Silver rows per export, and quarantined rows per export and reason: one query each. */
  private static Map<String, Long> silverRows;

  private static Map<String, Map<String, Long>> quarantinedRows;

  @BeforeAll
  static void ingestTheCorpus() throws Exception {
    Map<String, String> exports = new LinkedHashMap<>();
    harness = new IngestHarness(dir, exports);
    try (Stream<Path> cases = Files.list(CORPUS)) {
      for (Path c : cases.sorted().toList()) {
        exports.put(c.getFileName().toString(), "azure csv");
        copy(c, harness.export(c.getFileName().toString()));
      }
    }
    exports.put("focus-spec-saas-examples", "aws csv");
    copy(SPEC_SAAS, harness.export("focus-spec-saas-examples"));
    exports.put("10-mb-field", "azure csv");
    FocusCsv.focus12()
        .row("ChargeDescription", "x".repeat(TEN_MB))
        .write(harness.export("10-mb-field").resolve("billing_period=2024-09/charges.csv"));
    exports.put("parquet-types-differ", "aws parquet");
    writeParquetWithDifferentCostTypes(
        harness.export("parquet-types-differ").resolve("billing_period=2024-09"));
    exports.put("parquet-binary-not-utf-8", "aws parquet");
    writeParquetWithBinaryCosts(
        harness.export("parquet-binary-not-utf-8").resolve("billing_period=2024-09"));

    harness.ingest("corpus");
    inputs =
        harness.progress().inputs().stream().collect(Collectors.groupingBy(InputCount::exportId));
    silverRows = new TreeMap<>();
    for (Row r : harness.table(Tables.CHARGES).groupBy(Columns.EXPORT_ID).count().collectAsList()) {
      silverRows.put(r.getString(0), r.getLong(1));
    }
    quarantinedRows = new TreeMap<>();
    for (Row r :
        harness
            .table(Tables.REJECTED_CHARGES)
            .groupBy(Columns.EXPORT_ID, RejectedColumns.REASON_CODE)
            .count()
            .collectAsList()) {
      quarantinedRows
          .computeIfAbsent(r.getString(0), e -> new TreeMap<>())
          .put(r.getString(1), r.getLong(2));
    }
  }

  private static void copy(Path from, Path to) throws Exception {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        Path target = to.resolve(from.relativize(f).toString());
        Files.createDirectories(target.getParent());
        Files.copy(f, target);
      }
    }
  }

  /** One file with costs as text, one with costs as doubles: 7 + 8, read as two groups. */
  private static void writeParquetWithDifferentCostTypes(Path folder) throws Exception {
    var spark = SparkTestSession.get();
    Path csv =
        FocusCsv.focus12()
            .row("BilledCost", "7", "EffectiveCost", "7")
            .write(dir.resolve("seven.csv"));
    var text = spark.read().option("header", "true").csv(csv.toString());
    text.coalesce(1).write().mode(SaveMode.Overwrite).parquet(dir.resolve("as-text").toString());
    text.withColumn("BilledCost", col("BilledCost").plus(1).cast("double"))
        .withColumn("EffectiveCost", col("EffectiveCost").plus(1).cast("double"))
        .coalesce(1)
        .write()
        .mode(SaveMode.Overwrite)
        .parquet(dir.resolve("as-double").toString());
    Files.createDirectories(folder);
    for (String name : List.of("as-text", "as-double")) {
      try (Stream<Path> files = Files.list(dir.resolve(name))) {
        Files.copy(
            files.filter(p -> p.toString().endsWith(".parquet")).findFirst().orElseThrow(),
            folder.resolve(name + ".parquet"));
      }
    }
  }

  /**
   * BilledCost as binary (BYTE_ARRAY without the string annotation): the text "7", and bytes 0xFF
   * 0xFE '1' that are not UTF-8.
   */
  private static void writeParquetWithBinaryCosts(Path folder) throws Exception {
    var spark = SparkTestSession.get();
    Path csv =
        FocusCsv.focus12()
            .row("BilledCost", "7", "EffectiveCost", "7")
            .row("BilledCost", "not-utf-8", "EffectiveCost", "1")
            .write(dir.resolve("binary.csv"));
    spark
        .read()
        .option("header", "true")
        .csv(csv.toString())
        .withColumn(
            "BilledCost",
            when(
                    col("BilledCost").equalTo("not-utf-8"),
                    lit(new byte[] {(byte) 0xFF, (byte) 0xFE, '1'}))
                .otherwise(col("BilledCost").cast("binary")))
        .coalesce(1)
        .write()
        .mode(SaveMode.Overwrite)
        .parquet(dir.resolve("as-binary").toString());
    Files.createDirectories(folder);
    try (Stream<Path> files = Files.list(dir.resolve("as-binary"))) {
      Files.copy(
          files.filter(p -> p.toString().endsWith(".parquet")).findFirst().orElseThrow(),
          folder.resolve("binary.parquet"));
    }
  }

  /**
   * Case, records in its file(s) (counted by hand), rows to silver, quarantined rows per reason
   * ("CODE=n,…").
   */
  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("ragged-rows", 3, 1, "MALFORMED_ROW=2"),
        Arguments.of("quoted-newline-and-comma", 1, 1, ""),
        Arguments.of("missing-required-column", 2, 0, "MISSING_COLUMN=2"),
        Arguments.of("renamed-columns-focus-1-0-preview", 1, 1, ""),
        Arguments.of("mixed-case-headers", 1, 1, ""),
        Arguments.of("latin-1-bytes", 2, 1, "BAD_ENCODING=1"),
        Arguments.of("bom-and-crlf", 2, 2, ""),
        Arguments.of("nan-amount", 2, 1, "BAD_NUMBER=1"),
        Arguments.of("infinity-amount", 3, 1, "BAD_NUMBER=2"),
        Arguments.of("1e400-amount", 2, 1, "AMOUNT_OUT_OF_RANGE=1"),
        Arguments.of("20-digit-amount", 2, 1, "AMOUNT_OUT_OF_RANGE=1"),
        Arguments.of("12-decimal-amount", 1, 1, ""),
        Arguments.of("year-1900", 2, 1, "BAD_PERIOD=1"),
        Arguments.of("year-2200", 2, 1, "BAD_PERIOD=1"),
        Arguments.of("30-february", 2, 1, "BAD_DATETIME=1"),
        Arguments.of("charge-period-ends-before-it-starts", 2, 1, "BAD_PERIOD=1"),
        Arguments.of("billing-period-not-on-the-1st", 1, 1, ""),
        Arguments.of("unknown-currency", 2, 1, "UNKNOWN_CURRENCY=1"),
        Arguments.of("two-currencies-in-one-account", 2, 2, ""),
        Arguments.of("unknown-focus-version-columns", 1, 1, ""),
        Arguments.of("duplicate-identical-rows", 2, 2, ""),
        Arguments.of("formula-injection", 4, 4, ""),
        Arguments.of("null-and-blank-required", 3, 1, "NULL_REQUIRED=2"),
        Arguments.of("unparsable-number-and-date", 2, 0, "BAD_NUMBER=1,BAD_DATETIME=1"),
        Arguments.of("unknown-charge-category", 2, 1, "BAD_ENUM=1"),
        Arguments.of("header-only", 0, 0, ""),
        Arguments.of("blank-file", 0, 0, ""),
        Arguments.of("blank-line-of-spaces", 3, 2, "MALFORMED_ROW=1"),
        // 15 files: "$10,000.00" costs, "5/1/25" dates, and virtual-currency files without
        // ServiceCategory.
        Arguments.of(
            "focus-spec-saas-examples", 56, 0, "BAD_DATETIME=36,BAD_NUMBER=7,MISSING_COLUMN=13"),
        Arguments.of("10-mb-field", 1, 1, ""),
        Arguments.of("parquet-types-differ", 2, 2, ""),
        Arguments.of("parquet-binary-not-utf-8", 2, 1, "BAD_ENCODING=1"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void everyRecordIsInSilverOrQuarantinedWithItsReason(
      String export, long records, long silver, String reasons) {
    Map<String, Long> expectedReasons =
        reasons.isEmpty()
            ? Map.of()
            : Arrays.stream(reasons.split(","))
                .map(r -> r.split("="))
                .collect(
                    Collectors.toMap(
                        r -> r[0], r -> Long.parseLong(r[1]), (a, b) -> a, TreeMap::new));
    assertThat(silver + expectedReasons.values().stream().mapToLong(Long::longValue).sum())
        .as("the hand counts conserve")
        .isEqualTo(records);

    List<InputCount> counted = inputs.getOrDefault(export, List.of());
    assertThat(counted.stream().mapToLong(InputCount::rowsIn).sum())
        .as("records counted without Spark")
        .isEqualTo(records);
    assertThat(counted).allSatisfy(f -> assertThat(f.conserved()).isTrue());
    assertThat(silverRows.getOrDefault(export, 0L)).as("silver rows").isEqualTo(silver);
    assertThat(quarantinedRows.getOrDefault(export, Map.of()))
        .as("quarantined rows per reason")
        .isEqualTo(expectedReasons);
  }

  @Test
  void anEmptyFileIsNoRecordAndNoDelivery() {
    assertThat(inputs).doesNotContainKey("empty-file");
    assertThat(
            harness
                .table(Tables.REJECTED_CHARGES)
                .where(col(Columns.EXPORT_ID).equalTo("empty-file"))
                .count())
        .isZero();
  }

  @Test
  void valuesAreKeptExactlyAsDataNeverEvaluated() {
    assertThat(silverValues("formula-injection", ChargeColumns.CHARGE_DESCRIPTION))
        .containsExactlyInAnyOrder(
            "=HYPERLINK(\"http://x\",\"y\")", "+cmd|' /C calc'!A0", "@SUM(1+1)", "-2+3");
    assertThat(silverValues("quoted-newline-and-comma", ChargeColumns.CHARGE_DESCRIPTION))
        .containsExactly("GPU hours, reserved\nline two of the description");
    assertThat(
            silverValues("12-decimal-amount", "CAST(" + ChargeColumns.BILLED_COST + " AS STRING)"))
        .containsExactly("0.123456789012");
    assertThat(
            silverValues(
                "10-mb-field", "CAST(length(" + ChargeColumns.CHARGE_DESCRIPTION + ") AS STRING)"))
        .containsExactly(String.valueOf(TEN_MB));
    assertThat(
            silverValues(
                "parquet-types-differ", "CAST(" + ChargeColumns.BILLED_COST + " AS STRING)"))
        .containsExactlyInAnyOrder("7.000000000000", "8.000000000000");
  }

  /**
   * Issue 20, item 9: Parquet bytes that are not UTF-8 were stored as they were in reason_detail,
   * and delta-rs/pandas then failed on the whole column. Every text of both tables is valid UTF-8;
   * the bytes are shown escaped.
   */
  @Test
  void everyTextWrittenIsValidUtf8WithBytesShownEscaped() {
    for (String table : List.of(Tables.CHARGES, Tables.REJECTED_CHARGES)) {
      var rows = harness.table(table);
      List<String> texts =
          Arrays.stream(rows.schema().fields())
              .filter(f -> f.dataType().equals(DataTypes.StringType))
              .map(StructField::name)
              .toList();
      // Per text column, its rows that are not valid UTF-8: one query for the whole table.
      Row invalid =
          rows.select(
                  texts.stream()
                      .map(c -> count_if(not(is_valid_utf8(col(c)))))
                      .toArray(Column[]::new))
              .first();
      for (int i = 0; i < texts.size(); i++) {
        assertThat(invalid.getLong(i)).as(table + "." + texts.get(i)).isZero();
      }
    }
    Row rejected =
        harness
            .table(Tables.REJECTED_CHARGES)
            .where(col(Columns.EXPORT_ID).equalTo("parquet-binary-not-utf-8"))
            .first();
    assertThat(rejected.<String>getAs(RejectedColumns.REASON_DETAIL))
        .startsWith("BilledCost holds bytes that are not valid");
    assertThat(rejected.<String>getAs(RejectedColumns.RAW))
        .contains("\"BilledCost\":\"\\\\xFF\\\\xFE\\\\x31\"");
    assertThat(
            silverValues(
                "parquet-binary-not-utf-8", "CAST(" + ChargeColumns.BILLED_COST + " AS STRING)"))
        .containsExactly("7.000000000000");
  }

  /**
   * Amounts are never summed across currencies: one charges_monthly row per currency, 10.5 USD and
   * 20 EUR.
   */
  @Test
  void twoCurrenciesOfOneAccountStaySeparate() {
    List<Row> monthly =
        harness
            .table(Tables.CHARGES_MONTHLY)
            .where(col(Columns.EXPORT_ID).equalTo("two-currencies-in-one-account"))
            .select(Columns.BILLING_CURRENCY, Columns.BILLED_REVENUE)
            .orderBy(Columns.BILLING_CURRENCY)
            .collectAsList();
    assertThat(monthly)
        .extracting(
            r -> r.getString(0) + " " + r.getDecimal(1).stripTrailingZeros().toPlainString())
        .containsExactly("EUR 20", "USD 10.5");
  }

  private static List<String> silverValues(String export, String expression) {
    return harness
        .table(Tables.CHARGES)
        .where(col(Columns.EXPORT_ID).equalTo(export))
        .selectExpr(expression)
        .as(Encoders.STRING())
        .collectAsList();
  }
}
