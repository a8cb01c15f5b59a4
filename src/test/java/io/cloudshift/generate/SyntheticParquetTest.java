package io.cloudshift.generate;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudshift.config.CloudshiftConfig;
import io.cloudshift.testing.Slow;
import io.cloudshift.testing.SparkTestSession;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Spark tests of the generator: Spark reads the Parquet exports with real types, one clean file
 * per month, holding exactly the rows the CSV form of the same options holds, and the committed
 * sample is what the generator writes.
 */
@Slow
class SyntheticParquetTest {
  @Test
  void awsExportIsOneTypedParquetFilePerMonthThatSumsToTheTruth(@TempDir Path root)
      throws IOException {
    SparkSession spark = SparkTestSession.get();
    CloudshiftConfig config = SyntheticFixtures.projectConfig();
    GeneratorOptions options =
        new GeneratorOptions(
            11, 1_500, YearMonth.of(2026, 3), YearMonth.of(2026, 4), root.toString());

    GenerateResult result = new GenerateJob(config, options).execute();

    assertThat(result.filesWritten()).isEqualTo(5 * 2);
    Path export = root.resolve("aws-focus");
    try (Stream<Path> all = Files.walk(export)) {
      assertThat(
              all.filter(Files::isRegularFile)
                  .map(p -> export.relativize(p).toString())
                  .sorted()
                  .toList())
          .containsExactly(
              "billing_period=2026-03/aws-focus-2026-03.parquet",
              "billing_period=2026-04/aws-focus-2026-04.parquet");
    }
    Path april = export.resolve("billing_period=2026-04/aws-focus-2026-04.parquet");
    var frame = spark.read().parquet(april.toString());
    assertThat(frame.schema().apply("BilledCost").dataType())
        .isEqualTo(DataTypes.createDecimalType(38, 6));
    assertThat(frame.schema().apply("BillingPeriodStart").dataType())
        .isEqualTo(DataTypes.TimestampType);
    assertThat(frame.schema().apply("ChargePeriodEnd").dataType())
        .isEqualTo(DataTypes.TimestampType);
    assertThat(frame.schema().apply("BillingAccountId").dataType()).isEqualTo(DataTypes.StringType);
    assertThat(frame.schema().fieldNames())
        .contains("SkuMeter", "InvoiceId", "x_ServiceCode")
        .doesNotContain("ServiceProviderName");

    var reference = new SyntheticFixtures.ReferenceAttribution(config);
    Map<String, BigDecimal> sums = new TreeMap<>();
    List<Map<String, String>> rows = textRows(frame);
    for (Map<String, String> row : rows) {
      String key = reference.classify("aws", row);
      if (key != null) {
        sums.merge(key, new BigDecimal(row.get("BilledCost")), BigDecimal::add);
      }
    }
    Map<String, BigDecimal> truth = new TreeMap<>();
    for (Map<String, String> line :
        SyntheticFixtures.readCsv(root.resolve("_truth/monthly_revenue.csv"))) {
      if (line.get("provider").equals("aws") && line.get("billing_month").equals("2026-04")) {
        truth.put(
            line.get("lab") + "|" + line.get("stream"), new BigDecimal(line.get("billed_revenue")));
      }
    }
    assertThat(truth)
        .containsKeys(
            "OpenAI|compute",
            "OpenAI|resale",
            "Anthropic|compute",
            "Anthropic|resale",
            "Mistral|compute");
    truth.forEach(
        (cell, billed) -> assertThat(sums.get(cell)).as(cell).isEqualByComparingTo(billed));
    int counted =
        SyntheticFixtures.readCsv(root.resolve("_truth/row_counts.csv")).stream()
            .filter(r -> r.get("file").equals("billing_period=2026-04/aws-focus-2026-04.parquet"))
            .mapToInt(r -> Integer.parseInt(r.get("rows")))
            .sum();
    assertThat(rows).hasSize(counted);
  }

  /**
   * Bad rows are planted only in CSV exports, after the rows are drawn and shuffled, as extra
   * copies: so a Parquet file holds the rows of the CSV file of the same options, in the same
   * order, once the CSV's bad rows are taken out. Both forms then carry the same truth.
   */
  @Test
  void parquetHoldsTheRowsOfTheCsvOfTheSameOptionsWithoutItsBadRows(
      @TempDir Path parquetRoot, @TempDir Path csvRoot) {
    SyntheticFixtures.generate(
        SyntheticFixtures.allExportsAs("parquet"),
        SyntheticFixtures.options(5, 2_000, parquetRoot),
        2);
    SyntheticFixtures.generate(
        SyntheticFixtures.allExportsAs("csv"), SyntheticFixtures.options(5, 2_000, csvRoot), 2);

    List<Map<String, String>> badRows =
        SyntheticFixtures.readCsv(csvRoot.resolve("_truth/bad_rows.csv"));
    assertThat(badRows).isNotEmpty();
    assertThat(SyntheticFixtures.readCsv(parquetRoot.resolve("_truth/bad_rows.csv"))).isEmpty();
    int files = 0;
    for (Map<String, String> count :
        SyntheticFixtures.readCsv(csvRoot.resolve("_truth/row_counts.csv"))) {
      String export = count.get("export");
      String csvFile = count.get("file");
      Set<Integer> badLines =
          badRows.stream()
              .filter(b -> b.get("export").equals(export) && b.get("file").equals(csvFile))
              .map(b -> Integer.parseInt(b.get("line")))
              .collect(Collectors.toSet());
      List<Map<String, String>> csvRows = new ArrayList<>();
      List<Map<String, String>> all =
          SyntheticFixtures.readCsv(csvRoot.resolve(export).resolve(csvFile));
      for (int i = 0; i < all.size(); i++) {
        if (!badLines.contains(i + 2)) {
          csvRows.add(all.get(i));
        }
      }
      Path parquet = parquetRoot.resolve(export).resolve(csvFile.replace(".csv.gz", ".parquet"));
      assertThat(textRows(SparkTestSession.get().read().parquet(parquet.toString())))
          .as(parquet.toString())
          .isEqualTo(csvRows);
      files++;
    }
    assertThat(files).isEqualTo(5 * 6);
    for (String truth :
        List.of(
            "monthly_revenue.csv",
            "events.csv",
            "after_change.csv",
            "planted_effects.csv",
            "provider_monthly_revenue.csv")) {
      assertThat(SyntheticFixtures.text(parquetRoot.resolve("_truth").resolve(truth)))
          .as(truth)
          .isEqualTo(SyntheticFixtures.text(csvRoot.resolve("_truth").resolve(truth)));
    }
  }

  /**
   * datasets/focus was written by `generate` with the default options (its README says so):
   * regenerating them elsewhere gives the same CSV and truth bytes, the same README but for the
   * --output it names, and Parquet files with the same typed rows (Spark wrote the committed ones).
   */
  @Test
  void theCommittedSampleIsWhatTheGeneratorWrites(@TempDir Path root) throws IOException {
    GeneratorOptions defaults = GeneratorOptions.defaults();
    SyntheticFixtures.generate(
        SyntheticFixtures.projectConfig(),
        new GeneratorOptions(
            defaults.seed(),
            defaults.rows(),
            defaults.firstMonth(),
            defaults.lastMonth(),
            root.toString()),
        2);

    Path committed = SyntheticFixtures.projectDir().resolve(GeneratorOptions.COMMITTED_SAMPLE);
    Map<String, byte[]> expected = SyntheticFixtures.files(committed);
    Map<String, byte[]> actual = SyntheticFixtures.files(root);
    assertThat(actual.keySet()).isEqualTo(expected.keySet());
    assertThat(expected.keySet()).filteredOn(p -> p.endsWith(".parquet")).hasSize(45);
    for (String file : expected.keySet()) {
      if (file.endsWith(".parquet")) {
        assertThat(textRows(SparkTestSession.get().read().parquet(root.resolve(file).toString())))
            .as(file)
            .isEqualTo(
                textRows(
                    SparkTestSession.get().read().parquet(committed.resolve(file).toString())));
      } else if (file.equals("README.md")) {
        assertThat(
                SyntheticFixtures.text(root.resolve(file))
                    .replace("--output " + root, "--output " + GeneratorOptions.COMMITTED_SAMPLE))
            .isEqualTo(SyntheticFixtures.text(committed.resolve(file)));
      } else {
        assertThat(actual.get(file)).as(file).isEqualTo(expected.get(file));
      }
    }
  }

  /**
   * The rows of a frame in file order as column → text, typed values written the way the CSV writes
   * them.
   */
  private static List<Map<String, String>> textRows(Dataset<Row> frame) {
    List<Map<String, String>> rows = new ArrayList<>();
    for (Row row : frame.collectAsList()) {
      Map<String, String> text = new LinkedHashMap<>();
      for (String column : frame.columns()) {
        Object value = row.getAs(column);
        text.put(
            column,
            value instanceof java.sql.Timestamp t
                ? CsvFormat.timestamp(t.toInstant())
                : CsvFormat.text(value));
      }
      rows.add(text);
    }
    return rows;
  }
}
