package io.cloudshift.shares;

import static io.cloudshift.shares.SharesFixtures.date;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.sum;
import static org.assertj.core.api.Assertions.assertThat;

import io.cloudshift.schema.ProviderLabMixQuarterlyTable;
import java.math.BigDecimal;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProviderLabMixTest {
  private Dataset<Row> monthly;
  private Dataset<Row> mix;

  @BeforeAll
  void compute() {
    monthly =
        SharesFixtures.monthly()
            // Oracle's fiscal year starts in June: Dec 2025 - Feb 2026 is FY26 Q3, Mar 2026 Q4.
            // Arguments: provider, lab, stream, month, currency, USD per unit, billed, effective,
            // AI
            // billed.
            .add("oci", "OpenAI", "compute", "2025-12", "USD", "1", "150", "150", "100")
            .add("oci", "xAI", "resale", "2025-12", "USD", "1", "20", "20", "20")
            .add("oci", null, "unattributed", "2025-12", "USD", "1", "1000", "1000", "30")
            .add("oci", "OpenAI", "compute", "2026-01", "USD", "1", "200", "200", "200")
            .add("oci", "Cohere", "compute", "2026-01", "USD", "1", "50", "50", "50")
            .add("oci", null, "unattributed", "2026-01", "USD", "1", "10", "10", "10")
            .add("oci", "OpenAI", "compute", "2026-02", "USD", "1", "100", "100", "100")
            .add("oci", "xAI", "resale", "2026-02", "USD", "1", "30", "30", "30")
            .add("oci", "OpenAI", "compute", "2026-03", "USD", "1", "40", "40", "40")
            // OpenAI also resold at OCI in Jan: compute and resale add up for the lab.
            .add("oci", "OpenAI", "resale", "2026-01", "USD", "1", "5", "5", "5")
            // Microsoft (fiscal year from July): July 2025 = FY26 Q1, June 2026 = FY26 Q4.
            .add("azure", "OpenAI", "compute", "2025-07", "USD", "1", "70", "70", "70")
            .add("azure", "OpenAI", "compute", "2026-06", "USD", "1", "60", "60", "60")
            // Google, Jan 2026: AI revenue nets to 0 (credit in unattributed) -> shares null.
            .add("gcp", "OpenAI", "compute", "2026-01", "USD", "1", "10", "10", "10")
            .add("gcp", null, "unattributed", "2026-01", "USD", "1", "-10", "-10", "-10")
            // CoreWeave, Jan 2026: OpenAI billed in USD, Anthropic in EUR at 1.25 USD per EUR:
            // one total of 30 + 8 x 1.25 = 40 USD.
            .add("coreweave", "OpenAI", "compute", "2026-01", "USD", "1", "30", "30", "30")
            .add("coreweave", "Anthropic", "compute", "2026-01", "EUR", "1.25", "8", "8", "8")
            // AWS, Q1 2026: Cohere's February charges in GBP found no rate.
            .add("aws", "OpenAI", "compute", "2026-01", "USD", "1", "20", "20", "20")
            .add("aws", "Cohere", "compute", "2026-02", "GBP", null, "3", "3", "3")
            .build();
    mix = ProviderLabMix.of(monthly, SharesFixtures.PROVIDERS).cache();
  }

  @AfterAll
  void release() {
    mix.unpersist();
  }

  private Row row(String provider, String basis, String label, String lab, String currency) {
    List<Row> rows =
        mix.where(
                col("provider")
                    .equalTo(provider)
                    .and(col("quarter_basis").equalTo(basis))
                    .and(col("quarter_label").equalTo(label))
                    .and(col("lab").equalTo(lab))
                    .and(col("reporting_currency").equalTo(currency)))
            .collectAsList();
    assertThat(rows).as("%s %s %s %s", provider, basis, label, lab).hasSize(1);
    return rows.get(0);
  }

  private static BigDecimal dec(Row row, String column) {
    return row.getAs(column);
  }

  @Test
  void hasTheSpecColumns() {
    assertThat(mix.columns())
        .containsExactlyElementsOf(ProviderLabMixQuarterlyTable.SPEC.columnNames());
  }

  @Test
  void oracleFiscalQuarterAcrossTheYearBoundary() {
    // FY26 Q3 = Dec 2025 + Jan 2026 + Feb 2026:
    // OpenAI 100 + (200 compute + 5 resale) + 100 = 405; xAI 20 + 30 = 50; Cohere 50;
    // (other) 30 + 10 = 40.
    // Provider AI total = 405 + 50 + 50 + 40 = 545;
    // OpenAI share = 405 / 545 = 0.743119266055045872 (18 digits).
    Row openai = row("oci", "fiscal", "FY26Q3", "OpenAI", "USD");
    assertThat(openai.<Integer>getAs("quarter_year")).isEqualTo(2026);
    assertThat(openai.<Integer>getAs("quarter_number")).isEqualTo(3);
    assertThat(openai.<java.sql.Date>getAs("quarter_start")).isEqualTo(date("2025-12-01"));
    assertThat(openai.<java.sql.Date>getAs("quarter_end")).isEqualTo(date("2026-02-28"));
    assertThat(openai.<Integer>getAs("months_with_data")).isEqualTo(3);
    assertThat(dec(openai, "lab_ai_compute_revenue")).isEqualByComparingTo("400");
    assertThat(dec(openai, "lab_ai_resale_revenue")).isEqualByComparingTo("5");
    assertThat(dec(openai, "lab_ai_revenue")).isEqualByComparingTo("405");
    assertThat(dec(openai, "provider_ai_revenue")).isEqualByComparingTo("545");
    assertThat(dec(openai, "lab_share_of_provider_ai"))
        .isEqualByComparingTo("0.743119266055045872");

    Row other = row("oci", "fiscal", "FY26Q3", "(other)", "USD");
    assertThat(dec(other, "lab_ai_revenue")).isEqualByComparingTo("40");
    assertThat(dec(other, "lab_ai_compute_revenue")).isEqualByComparingTo("0");
    assertThat(dec(other, "lab_ai_resale_revenue")).isEqualByComparingTo("0");
    // 40 / 545 = 0.073394495412844037 (18 digits, HALF_EVEN).
    assertThat(dec(other, "lab_share_of_provider_ai")).isEqualByComparingTo("0.073394495412844037");
    assertThat(dec(row("oci", "fiscal", "FY26Q3", "xAI", "USD"), "lab_ai_resale_revenue"))
        .isEqualByComparingTo("50");

    // March 2026 alone in FY26 Q4 (Mar - May): one month of data.
    Row march = row("oci", "fiscal", "FY26Q4", "OpenAI", "USD");
    assertThat(march.<java.sql.Date>getAs("quarter_start")).isEqualTo(date("2026-03-01"));
    assertThat(march.<java.sql.Date>getAs("quarter_end")).isEqualTo(date("2026-05-31"));
    assertThat(march.<Integer>getAs("months_with_data")).isEqualTo(1);
    assertThat(dec(march, "lab_share_of_provider_ai")).isEqualByComparingTo("1");
  }

  @Test
  void calendarQuartersOfTheSameMonths() {
    // 2025Q4 holds only December: OpenAI 100, xAI 20, (other) 30 -> total 150.
    Row q4 = row("oci", "calendar", "2025Q4", "OpenAI", "USD");
    assertThat(q4.<Integer>getAs("quarter_year")).isEqualTo(2025);
    assertThat(q4.<Integer>getAs("quarter_number")).isEqualTo(4);
    assertThat(q4.<java.sql.Date>getAs("quarter_start")).isEqualTo(date("2025-10-01"));
    assertThat(q4.<java.sql.Date>getAs("quarter_end")).isEqualTo(date("2025-12-31"));
    assertThat(q4.<Integer>getAs("months_with_data")).isEqualTo(1);
    assertThat(dec(q4, "provider_ai_revenue")).isEqualByComparingTo("150");
    // 2026Q1 = Jan + Feb + Mar: OpenAI 205 + 100 + 40 = 345; Cohere 50; xAI 30; (other) 10 -> total
    // 435.
    Row q1 = row("oci", "calendar", "2026Q1", "OpenAI", "USD");
    assertThat(dec(q1, "lab_ai_revenue")).isEqualByComparingTo("345");
    assertThat(dec(q1, "provider_ai_revenue")).isEqualByComparingTo("435");
    assertThat(q1.<Integer>getAs("months_with_data")).isEqualTo(3);
  }

  @Test
  void microsoftFiscalYearStartsInJuly() {
    Row july = row("azure", "fiscal", "FY26Q1", "OpenAI", "USD");
    assertThat(july.<java.sql.Date>getAs("quarter_start")).isEqualTo(date("2025-07-01"));
    assertThat(july.<java.sql.Date>getAs("quarter_end")).isEqualTo(date("2025-09-30"));
    assertThat(dec(july, "lab_ai_revenue")).isEqualByComparingTo("70");
    Row june = row("azure", "fiscal", "FY26Q4", "OpenAI", "USD");
    assertThat(june.<Integer>getAs("quarter_year")).isEqualTo(2026);
    assertThat(june.<Integer>getAs("quarter_number")).isEqualTo(4);
    assertThat(june.<java.sql.Date>getAs("quarter_start")).isEqualTo(date("2026-04-01"));
    assertThat(june.<java.sql.Date>getAs("quarter_end")).isEqualTo(date("2026-06-30"));
    assertThat(
            row("azure", "calendar", "2026Q2", "OpenAI", "USD").<BigDecimal>getAs("lab_ai_revenue"))
        .isEqualByComparingTo("60");
  }

  @Test
  void shareIsNullWhenTheProviderTotalIsNotPositive() {
    // gcp Jan 2026 USD: 10 + (-10) = 0 -> every share null.
    Row openai = row("gcp", "calendar", "2026Q1", "OpenAI", "USD");
    assertThat(dec(openai, "provider_ai_revenue")).isEqualByComparingTo("0");
    assertThat(openai.<Object>getAs("lab_share_of_provider_ai")).isNull();
  }

  @Test
  void labsBilledInDifferentCurrenciesShareOneTotalInTheReportingCurrency() {
    // coreweave 2026Q1: OpenAI 30 USD, Anthropic 8 EUR x 1.25 = 10 USD: total 40.
    Row anthropic = row("coreweave", "calendar", "2026Q1", "Anthropic", "USD");
    assertThat(dec(anthropic, "lab_ai_revenue")).isEqualByComparingTo("10");
    assertThat(dec(anthropic, "provider_ai_revenue")).isEqualByComparingTo("40");
    assertThat(dec(anthropic, "lab_share_of_provider_ai")).isEqualByComparingTo("0.25");
    assertThat(
            dec(
                row("coreweave", "calendar", "2026Q1", "OpenAI", "USD"),
                "lab_share_of_provider_ai"))
        .isEqualByComparingTo("0.75");
  }

  @Test
  void aChargeWithoutARateLeavesItsQuarterTotalsNullNotSmaller() {
    // aws 2026Q1: OpenAI 20 USD, Cohere 3 GBP without a rate: Cohere's revenue and the provider's
    // total are unknown, so no share is given; OpenAI's own revenue is still known.
    Row cohere = row("aws", "calendar", "2026Q1", "Cohere", "USD");
    assertThat(cohere.<Object>getAs("lab_ai_revenue")).isNull();
    Row openai = row("aws", "calendar", "2026Q1", "OpenAI", "USD");
    assertThat(dec(openai, "lab_ai_revenue")).isEqualByComparingTo("20");
    assertThat(openai.<Object>getAs("provider_ai_revenue")).isNull();
    assertThat(openai.<Object>getAs("lab_share_of_provider_ai")).isNull();
  }

  @Test
  void quarterRowsAreExactSumsOfTheMonthsOnBothBases() {
    List<Row> monthlyTotals =
        monthly
            .groupBy("provider")
            .agg(sum("ai_billed_revenue_reporting").as("ai"))
            .orderBy("provider")
            .collectAsList();
    for (String basis : List.of("calendar", "fiscal")) {
      List<Row> quarterly =
          mix.where(col("quarter_basis").equalTo(basis))
              .groupBy("provider")
              .agg(sum("lab_ai_revenue").as("ai"))
              .orderBy("provider")
              .collectAsList();
      assertThat(quarterly).as(basis).hasSameSizeAs(monthlyTotals);
      for (int i = 0; i < quarterly.size(); i++) {
        assertThat(quarterly.get(i).getString(0)).isEqualTo(monthlyTotals.get(i).getString(0));
        assertThat(quarterly.get(i).<BigDecimal>getAs("ai"))
            .as(basis + " " + quarterly.get(i))
            .isEqualByComparingTo(monthlyTotals.get(i).<BigDecimal>getAs("ai"));
      }
    }
    // Per quarter, lab shares of a positive total sum to 1.
    for (Row q :
        mix.where(col("provider_ai_revenue").gt(0))
            .groupBy("provider", "quarter_basis", "quarter_label")
            .agg(sum("lab_share_of_provider_ai").as("s"))
            .collectAsList()) {
      assertThat(q.<BigDecimal>getAs("s").subtract(BigDecimal.ONE).abs())
          .as(q.toString())
          .isLessThanOrEqualTo(new BigDecimal("1e-15"));
    }
  }
}
