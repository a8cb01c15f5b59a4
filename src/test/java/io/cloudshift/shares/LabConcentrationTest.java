package io.cloudshift.shares;

import static io.cloudshift.shares.SharesFixtures.month;
import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.cloudshift.schema.LabConcentrationMonthlyTable;
import java.math.BigDecimal;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LabConcentrationTest {
  private Dataset<Row> concentration;

  @BeforeAll
  void compute() {
    Dataset<Row> monthly =
        SharesFixtures.monthly()
            // Mistral: one provider -> s = 1, HHI = 1^2 x 10000 = 10000, effective = 10000 / 10000
            // = 1.
            .add("azure", "Mistral", "compute", "2025-01", "700")
            // OpenAI 2025-01: 500 / 300 / 200 of T = 1000 -> s = 0.5 / 0.3 / 0.2,
            // HHI = (0.25 + 0.09 + 0.04) x 10000 = 3800, effective = 10000 / 3800 =
            // 2.631578947368...
            .add("azure", "OpenAI", "compute", "2025-01", "500")
            .add("aws", "OpenAI", "compute", "2025-01", "300")
            .add("gcp", "OpenAI", "compute", "2025-01", "200")
            // 2025-02: credit at aws, T = 100 - 150 + 0 = -50 <= 0 -> HHI, effective, top null; 1
            // provider with R > 0.
            .add("azure", "OpenAI", "compute", "2025-02", "100")
            .add("aws", "OpenAI", "compute", "2025-02", "-150")
            // 2025-03: no OpenAI data (the Mistral row keeps the month in the data) -> T = 0,
            // nulls, 0 providers.
            .add("azure", "Mistral", "compute", "2025-03", "70")
            // 2025-04: a tie 50 / 50 -> HHI = 5000, effective 2, top provider the first id: aws.
            .add("aws", "OpenAI", "compute", "2025-04", "50")
            .add("gcp", "OpenAI", "compute", "2025-04", "50")
            .build();
    Dataset<Row> lpm =
        LabProviderMonthly.of(monthly, SharesFixtures.noTerms(), SharesFixtures.PROVIDERS, "USD");
    concentration = LabConcentration.of(lpm).cache();
  }

  @AfterAll
  void release() {
    concentration.unpersist();
  }

  private Row row(String lab, String month) {
    List<Row> rows =
        concentration
            .where(col("lab").equalTo(lab).and(col("month").equalTo(month(month))))
            .collectAsList();
    assertThat(rows).hasSize(1);
    return rows.get(0);
  }

  @Test
  void hasTheSpecColumnsAndOneRowPerLabStreamMonth() {
    assertThat(concentration.columns())
        .containsExactlyElementsOf(LabConcentrationMonthlyTable.SPEC.columnNames());
    // 2 labs x 1 stream x 4 months (2025-01..04).
    assertThat(concentration.count()).isEqualTo(8);
  }

  @Test
  void aLabWithOneProviderHasShareOneHhiTenThousandAndOneEffectiveProvider() {
    Row mistral = row("Mistral", "2025-01");
    assertThat(mistral.<BigDecimal>getAs("lab_stream_total")).isEqualByComparingTo("700");
    assertThat(mistral.<Integer>getAs("provider_count")).isEqualTo(1);
    assertThat(mistral.<BigDecimal>getAs("hhi")).isEqualByComparingTo("10000");
    assertThat(mistral.<BigDecimal>getAs("effective_providers")).isEqualByComparingTo("1");
    assertThat(mistral.<String>getAs("top_provider")).isEqualTo("azure");
    assertThat(mistral.<BigDecimal>getAs("top_share")).isEqualByComparingTo("1");
  }

  @Test
  void hhiOfHalfThreeTenthsAndOneFifth() {
    Row openai = row("OpenAI", "2025-01");
    assertThat(openai.<BigDecimal>getAs("lab_stream_total")).isEqualByComparingTo("1000");
    assertThat(openai.<Integer>getAs("provider_count")).isEqualTo(3);
    assertThat(openai.<BigDecimal>getAs("hhi")).isEqualByComparingTo("3800");
    // 10000 / 3800 = 2.631578947368421... (12 decimals kept).
    assertThat(openai.<BigDecimal>getAs("effective_providers"))
        .isEqualByComparingTo("2.631578947368");
    assertThat(openai.<BigDecimal>getAs("effective_providers").doubleValue())
        .isCloseTo(2.6316, within(1e-4));
    assertThat(openai.<String>getAs("top_provider")).isEqualTo("azure");
    assertThat(openai.<BigDecimal>getAs("top_share")).isEqualByComparingTo("0.5");
  }

  @Test
  void nonPositiveOrZeroTotalsGiveNullMetrics() {
    Row credit = row("OpenAI", "2025-02");
    assertThat(credit.<BigDecimal>getAs("lab_stream_total")).isEqualByComparingTo("-50");
    assertThat(credit.<Integer>getAs("provider_count")).isEqualTo(1);
    assertThat(credit.<Object>getAs("hhi")).isNull();
    assertThat(credit.<Object>getAs("effective_providers")).isNull();
    assertThat(credit.<Object>getAs("top_provider")).isNull();
    assertThat(credit.<Object>getAs("top_share")).isNull();

    Row empty = row("OpenAI", "2025-03");
    assertThat(empty.<BigDecimal>getAs("lab_stream_total")).isEqualByComparingTo("0");
    assertThat(empty.<Integer>getAs("provider_count")).isZero();
    assertThat(empty.<Object>getAs("hhi")).isNull();
    assertThat(empty.<Object>getAs("top_provider")).isNull();
  }

  @Test
  void tiesGoToTheFirstProviderId() {
    Row tie = row("OpenAI", "2025-04");
    // 0.5^2 + 0.5^2 = 0.5 -> 5000; 10000 / 5000 = 2.
    assertThat(tie.<BigDecimal>getAs("hhi")).isEqualByComparingTo("5000");
    assertThat(tie.<BigDecimal>getAs("effective_providers")).isEqualByComparingTo("2");
    assertThat(tie.<String>getAs("top_provider")).isEqualTo("aws");
    assertThat(tie.<BigDecimal>getAs("top_share")).isEqualByComparingTo("0.5");
  }
}
