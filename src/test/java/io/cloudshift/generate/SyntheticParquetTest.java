package io.cloudshift.generate;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudshift.config.CloudshiftConfig;
import io.cloudshift.testing.SparkTestSession;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one Spark test: GenerateJob writes the AWS export as typed Parquet, one clean file per month, matching the truth. */
class SyntheticParquetTest {
  @Test
  void awsExportIsOneTypedParquetFilePerMonthThatSumsToTheTruth(@TempDir Path root) throws IOException {
    SparkSession spark = SparkTestSession.get();
    CloudshiftConfig config = SyntheticFixtures.projectConfig();
    GeneratorOptions options = new GeneratorOptions(11, 1_500, YearMonth.of(2026, 3), YearMonth.of(2026, 4), root.toString());

    GenerateResult result = new GenerateJob(spark, config, options).execute();

    assertThat(result.filesWritten()).isEqualTo(5 * 2);
    Path export = root.resolve("aws-focus");
    try (Stream<Path> all = Files.walk(export)) {
      assertThat(all.filter(Files::isRegularFile).map(p -> export.relativize(p).toString()).sorted().toList())
          .containsExactly("billing_period=2026-03/aws-focus-2026-03.parquet", "billing_period=2026-04/aws-focus-2026-04.parquet");
    }
    Path april = export.resolve("billing_period=2026-04/aws-focus-2026-04.parquet");
    var frame = spark.read().parquet(april.toString());
    assertThat(frame.schema().apply("BilledCost").dataType()).isInstanceOf(DecimalType.class);
    assertThat(frame.schema().apply("BillingPeriodStart").dataType()).isEqualTo(DataTypes.TimestampType);
    assertThat(frame.schema().fieldNames()).contains("SkuMeter", "InvoiceId", "x_ServiceCode").doesNotContain("ServiceProviderName");

    var reference = new SyntheticFixtures.ReferenceAttribution(config);
    Map<String, BigDecimal> sums = new TreeMap<>();
    List<Row> rows = frame.collectAsList();
    for (Row row : rows) {
      Map<String, String> text = new LinkedHashMap<>();
      for (String column : frame.columns()) {
        Object value = row.getAs(column);
        text.put(column, value == null ? null
            : value instanceof BigDecimal d ? d.toPlainString()
            : value instanceof java.sql.Timestamp t ? CsvFormat.timestamp(t.toInstant()) : value.toString());
      }
      String key = reference.classify("aws", text);
      if (key != null) {
        sums.merge(key, row.<BigDecimal>getAs("BilledCost"), BigDecimal::add);
      }
    }
    Map<String, BigDecimal> truth = new TreeMap<>();
    for (Map<String, String> line : SyntheticFixtures.readCsv(root.resolve("_truth/monthly_revenue.csv"))) {
      if (line.get("provider").equals("aws") && line.get("billing_month").equals("2026-04")) {
        truth.put(line.get("lab") + "|" + line.get("stream"), new BigDecimal(line.get("billed_revenue")));
      }
    }
    assertThat(truth).containsKeys("OpenAI|compute", "OpenAI|resale", "Anthropic|compute", "Anthropic|resale", "Mistral|compute");
    truth.forEach((cell, billed) -> assertThat(sums.get(cell)).as(cell).isEqualByComparingTo(billed));
    int counted = SyntheticFixtures.readCsv(root.resolve("_truth/row_counts.csv")).stream()
        .filter(r -> r.get("file").equals("billing_period=2026-04/aws-focus-2026-04.parquet"))
        .mapToInt(r -> Integer.parseInt(r.get("rows"))).sum();
    assertThat(rows).hasSize(counted);
  }
}
