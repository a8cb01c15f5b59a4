package io.cloudshift.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.sum;
import static org.assertj.core.api.Assertions.assertThat;

import io.cloudshift.audit.InputCount;
import io.cloudshift.audit.StageProgress;
import io.cloudshift.config.CloudshiftConfig;
import io.cloudshift.io.DeltaTableWriter;
import io.cloudshift.io.Warehouse;
import io.cloudshift.schema.ChargeColumns;
import io.cloudshift.schema.Columns;
import io.cloudshift.schema.Tables;
import io.cloudshift.stage.StageContext;
import io.cloudshift.testing.SparkTestSession;
import io.cloudshift.testing.TestConfigs;
import io.cloudshift.testing.TestStages;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The FinOps Foundation's public FOCUS samples (datasets/focus-sample, CC BY 4.0), real-world input
 * that is not fully conformant. Expected totals were summed exactly with Python's Decimal from the
 * file (docs/ingest.md, "How ingest reads FOCUS").
 */
class FocusSampleTest {
  private static final Path SAMPLE = Path.of("datasets/focus-sample/FOCUS-Sample-Data/FOCUS-1.0");

  @TempDir Path dir;

  private StageProgress ingest(CloudshiftConfig config) {
    StageProgress progress = new StageProgress();
    StageContext context = TestStages.context(config, writer());
    new ChargeIngest(context, TestStages.rates(context))
        .execute(TestStages.ingest(context, progress));
    return progress;
  }

  private DeltaTableWriter writer() {
    return new DeltaTableWriter(SparkTestSession.get(), new Warehouse(dir.toString()), "{}");
  }

  @Test
  void everySampleRowLandsInSilverWithTheFilesPerProviderTotals() {
    CloudshiftConfig config =
        TestConfigs.withExports(
            "[{ id = finops-sample, format = csv, path = \""
                + SAMPLE.toAbsolutePath()
                + "\", provider-column = ProviderName, provider-values { AWS = aws, Microsoft ="
                + " azure, Oracle = oci } }]",
            Map.of());
    StageProgress result = ingest(config);

    InputCount file = result.inputs().get(0);
    assertThat(file.rowsIn()).isEqualTo(1000);
    assertThat(file.rowsSilver() + file.rowsQuarantine()).isEqualTo(1000);
    assertThat(file.rowsQuarantine())
        .as("nothing in the sample is ambiguous once NULL and space timestamps are read")
        .isZero();

    Map<String, BigDecimal> billed = new TreeMap<>();
    Map<String, Long> rows = new TreeMap<>();
    for (Row r :
        writer()
            .read(Tables.CHARGES)
            .groupBy(Columns.PROVIDER)
            .agg(sum(ChargeColumns.BILLED_COST), count(col(Columns.PROVIDER)))
            .collectAsList()) {
      billed.put(r.getString(0), r.getDecimal(1));
      rows.put(r.getString(0), r.getLong(2));
    }
    assertThat(rows)
        .containsExactlyEntriesOf(new TreeMap<>(Map.of("aws", 942L, "azure", 51L, "oci", 7L)));
    assertThat(billed.get("aws")).isEqualByComparingTo("18.00663861840");
    assertThat(billed.get("azure")).isEqualByComparingTo("1.97651418586");
    // Oracle: 0.29707392473 billed in September plus 0.24 in October.
    assertThat(billed.get("oci")).isEqualByComparingTo("0.53707392473");

    Row flags =
        writer()
            .read(Tables.CHARGES)
            .agg(
                sum(col(ChargeColumns.IS_MARKETPLACE).cast("int")),
                sum(col(ChargeColumns.IS_AI_WORKLOAD).cast("int")),
                sum(
                    org.apache.spark.sql.functions.when(
                        col(ChargeColumns.SERVICE_CATEGORY).equalTo("AI and Machine Learning"),
                        col(ChargeColumns.BILLED_COST))))
            .head();
    assertThat(flags.getLong(0)).as("the one Red Hat row sold by AWS").isEqualTo(1);
    assertThat(flags.getDecimal(2))
        .as("AI subset can be negative")
        .isEqualByComparingTo("-0.15189756178");
  }
}
