package io.cloudshift.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudshift.config.ExportConfig;
import io.cloudshift.io.FocusReader;
import io.cloudshift.schema.RejectedColumns;
import io.cloudshift.testing.SparkTestSession;
import io.cloudshift.testing.TestConfigs;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/** Parser and version rules on hand-made DataFrames, without files. */
class ChargeParserTest {
  @Test
  void aRecordTheCsvReaderCouldNotSplitIsMalformedBeforeAnythingElse() {
    Dataset<Row> raw =
        SparkTestSession.get()
            .sql(
                "SELECT 'f.csv' AS "
                    + FocusReader.SOURCE_FILE
                    + ", '10,\"unclosed' AS "
                    + FocusReader.CORRUPT_RECORD);
    ExportConfig export =
        TestConfigs.singleCsvExport("e", "aws", java.nio.file.Path.of("unused")).exports().get(0);
    Dataset<Row> normalized =
        new FocusNormalizer(List.of("NULL"))
            .normalize(raw, List.of(), export, FocusVersion.V1_2, List.of());
    Row row =
        new ChargeParser(TestConfigs.bundled(java.util.Map.of()).focusRules())
            .parse(normalized)
            .head();
    // Every mandatory value is null too, but the row's real problem is that it could not be split.
    assertThat(row.<String>getAs(RejectedColumns.REASON_CODE)).isEqualTo("MALFORMED_ROW");
  }

  @Test
  void versionIsInferredFromTheNewestColumnPresent() {
    assertThat(FocusVersion.detect(Set.of("BilledCost", "ServiceProviderName", "InvoiceId")))
        .isEqualTo(FocusVersion.V1_3);
    assertThat(FocusVersion.detect(Set.of("BilledCost", "InvoiceId", "ChargeClass")))
        .isEqualTo(FocusVersion.V1_2);
    assertThat(FocusVersion.detect(Set.of("BilledCost", "SkuMeter", "ChargeClass")))
        .isEqualTo(FocusVersion.V1_1);
    assertThat(FocusVersion.detect(Set.of("BilledCost", "ChargeClass")))
        .isEqualTo(FocusVersion.V1_0);
    assertThat(FocusVersion.detect(Set.of("BilledCost", "ChargeType", "AmortizedCost")))
        .isEqualTo(FocusVersion.V1_0_PREVIEW);
    assertThat(FocusVersion.detect(Set.of("BilledCost"))).isEqualTo(FocusVersion.UNKNOWN);
  }

  @Test
  void renamedAndOtherCaseColumnsResolveToCanonicalNamesWithExactSpellingWinning() {
    var resolved =
        FocusNormalizer.resolve(
            List.of("ChargeType", "ChargeCategory", "AmortizedCost", "SkuPriceid", "billedcost"));
    assertThat(resolved)
        .containsEntry("chargecategory", "ChargeCategory")
        .containsEntry("effectivecost", "AmortizedCost")
        .containsEntry("skupriceid", "SkuPriceid")
        .containsEntry("billedcost", "billedcost");
    assertThat(FocusNormalizer.missingMandatory(List.of("billedcost", "AmortizedCost")))
        .doesNotContain("BilledCost", "EffectiveCost")
        .contains("BillingCurrency");
  }
}
