package io.cloudshift.shares;

import static io.cloudshift.shares.SharesFixtures.month;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sum;
import static org.assertj.core.api.Assertions.assertThat;

import io.cloudshift.schema.LabProviderMonthlyTable;
import io.cloudshift.testing.ChargesMonthlyRows;
import java.math.BigDecimal;
import java.util.List;
import java.util.Random;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

class LabProviderMonthlyTest {

  private static Row cell(
      Dataset<Row> lpm, String lab, String provider, String stream, String month) {
    List<Row> rows =
        lpm.where(
                col("lab")
                    .equalTo(lab)
                    .and(col("provider").equalTo(provider))
                    .and(col("stream").equalTo(stream))
                    .and(col("month").equalTo(month(month))))
            .collectAsList();
    assertThat(rows).as("%s %s %s %s", lab, provider, stream, month).hasSize(1);
    return rows.get(0);
  }

  private static BigDecimal dec(Row row, String column) {
    return row.getAs(column);
  }

  @Test
  void sharesOfEachProviderAreNullWhenACreditMakesTheTotalNonPositiveAndEmptyMonthsAreFilled() {
    Dataset<Row> monthly =
        SharesFixtures.monthly()
            // OpenAI compute 2025-01: R = 600 / 300 / 100, T = 1000 -> s = 0.6 / 0.3 / 0.1.
            // Effective: 500 / 300 / 200, T_eff = 1000 -> 0.5 / 0.3 / 0.2.
            .add("azure", "OpenAI", "compute", "2025-01", "USD", "1", "600", "500", "600")
            .add("aws", "OpenAI", "compute", "2025-01", "USD", "1", "300", "300", "300")
            .add("gcp", "OpenAI", "compute", "2025-01", "USD", "1", "100", "200", "100")
            // 2025-02: a credit at aws: T = 200 + (-250) + 0 (gcp absent) = -50 <= 0 -> every share
            // null.
            .add("azure", "OpenAI", "compute", "2025-02", "200")
            .add("aws", "OpenAI", "compute", "2025-02", "-250")
            .add("aws", "Anthropic", "resale", "2025-01", "80")
            // Unattributed revenue: not a lab stream, but it makes the data run to 2025-04.
            .add("aws", null, "unattributed", "2025-04", "9999")
            .build();

    Dataset<Row> lpm =
        LabProviderMonthly.of(monthly, SharesFixtures.noTerms(), SharesFixtures.PROVIDERS, "USD")
            .cache();

    assertThat(lpm.columns()).containsExactlyElementsOf(LabProviderMonthlyTable.SPEC.columnNames());
    // Grid: OpenAI compute 3 providers x 4 months (2025-01..04) + Anthropic resale 1 x 4 = 16; no
    // unattributed.
    assertThat(lpm.count()).isEqualTo(16);
    assertThat(lpm.where(col("stream").equalTo("unattributed")).count()).isZero();

    Row azure = cell(lpm, "OpenAI", "azure", "compute", "2025-01");
    assertThat(dec(azure, "billed_revenue")).isEqualByComparingTo("600");
    assertThat(dec(azure, "lab_stream_total")).isEqualByComparingTo("1000");
    assertThat(dec(azure, "share")).isEqualByComparingTo("0.6");
    assertThat(dec(azure, "share_effective")).isEqualByComparingTo("0.5");
    assertThat(dec(cell(lpm, "OpenAI", "aws", "compute", "2025-01"), "share"))
        .isEqualByComparingTo("0.3");
    assertThat(dec(cell(lpm, "OpenAI", "gcp", "compute", "2025-01"), "share"))
        .isEqualByComparingTo("0.1");
    assertThat(dec(cell(lpm, "OpenAI", "gcp", "compute", "2025-01"), "share_effective"))
        .isEqualByComparingTo("0.2");

    for (String provider : List.of("azure", "aws", "gcp")) {
      Row credit = cell(lpm, "OpenAI", provider, "compute", "2025-02");
      assertThat(dec(credit, "lab_stream_total")).isEqualByComparingTo("-50");
      assertThat(credit.<Object>getAs("share")).as("share with T = -50").isNull();
      // Months without any OpenAI compute data: R = 0, T = 0, share null.
      for (String empty : List.of("2025-03", "2025-04")) {
        Row none = cell(lpm, "OpenAI", provider, "compute", empty);
        assertThat(dec(none, "billed_revenue")).isEqualByComparingTo("0");
        assertThat(dec(none, "effective_revenue")).isEqualByComparingTo("0");
        assertThat(dec(none, "lab_stream_total")).isEqualByComparingTo("0");
        assertThat(none.<Object>getAs("share")).isNull();
        assertThat(none.<Object>getAs("share_effective")).isNull();
      }
    }
    assertThat(dec(cell(lpm, "OpenAI", "gcp", "compute", "2025-02"), "billed_revenue"))
        .isEqualByComparingTo("0");
    // A lab with one provider: share 1 whenever it spends.
    assertThat(dec(cell(lpm, "Anthropic", "aws", "resale", "2025-01"), "share"))
        .isEqualByComparingTo("1");
    assertThat(cell(lpm, "Anthropic", "aws", "resale", "2025-02").<Object>getAs("share")).isNull();
    lpm.unpersist();
  }

  @Test
  void sharesOfEachLabStreamAndMonthSumToOneOverRandomNonNegativeAmounts() {
    Random random = new Random(20260427L);
    List<String> labs = List.of("OpenAI", "Anthropic", "Mistral");
    List<String> streams = List.of("compute", "resale");
    List<String> providers = List.of("azure", "aws", "gcp", "oci", "coreweave");
    ChargesMonthlyRows monthly = SharesFixtures.monthly();
    int cells = 0;
    for (String lab : labs) {
      for (String stream : streams) {
        for (String provider : providers) {
          for (int m = 1; m <= 12; m++) {
            for (String currency : List.of("USD", "EUR")) {
              if (random.nextDouble() < 0.4) {
                // Non-negative amounts from 0 to about 10^9 with 6 decimals, some exactly 0.
                BigDecimal amount =
                    random.nextInt(10) == 0
                        ? BigDecimal.ZERO
                        : BigDecimal.valueOf(random.nextLong(1_000_000_000_000_000L), 6);
                String a = amount.toPlainString();
                String usdPerUnit = currency.equals("USD") ? "1" : "1.0" + m;
                monthly.add(
                    provider,
                    lab,
                    stream,
                    String.format("2024-%02d", m),
                    currency,
                    usdPerUnit,
                    a,
                    a,
                    a);
                cells++;
              }
            }
          }
        }
      }
    }
    assertThat(cells).isGreaterThan(100);

    Dataset<Row> lpm =
        LabProviderMonthly.of(
                monthly.build(), SharesFixtures.noTerms(), SharesFixtures.PROVIDERS, "USD")
            .cache();
    List<Row> groups =
        lpm.groupBy("lab", "stream", "month")
            .agg(
                sum("share").as("share_sum"),
                count("share").as("shares"),
                sum("billed_revenue").as("r_sum"),
                min("lab_stream_total").as("t_min"),
                max("lab_stream_total").as("t_max"),
                count("*").as("rows"))
            .collectAsList();
    assertThat(groups).isNotEmpty();
    for (Row g : groups) {
      BigDecimal total = g.getAs("t_min");
      assertThat(total)
          .as("T constant in the group")
          .isEqualByComparingTo(g.<BigDecimal>getAs("t_max"));
      assertThat(total).as("T = sum of R").isEqualByComparingTo(g.<BigDecimal>getAs("r_sum"));
      if (total.signum() > 0) {
        assertThat(g.<Long>getAs("shares")).isEqualTo(g.<Long>getAs("rows"));
        assertThat(g.<BigDecimal>getAs("share_sum").subtract(BigDecimal.ONE).abs())
            .as(g.toString())
            .isLessThanOrEqualTo(new BigDecimal("1e-9"));
      } else {
        assertThat(g.<Long>getAs("shares")).as("shares of T = 0 are null").isZero();
      }
    }
    // Complete grid: each (lab, stream) has every month for every provider it ever had, whatever
    // the currencies it was billed in.
    for (Row key :
        lpm.groupBy("lab", "stream")
            .agg(
                org.apache.spark.sql.functions.countDistinct("provider").as("p"),
                org.apache.spark.sql.functions.countDistinct("month").as("m"),
                count("*").as("n"))
            .collectAsList()) {
      assertThat(key.<Long>getAs("m")).isEqualTo(12L);
      assertThat(key.<Long>getAs("n")).isEqualTo(key.<Long>getAs("p") * 12L);
    }
    lpm.unpersist();
  }

  @Test
  void aLabBilledInTwoCurrenciesHasOneShareUniverseInTheReportingCurrency() {
    Dataset<Row> monthly =
        SharesFixtures.monthly()
            // Mistral compute, March 2026: 600 USD at aws; 400 EUR at oci at 1.10 USD per EUR
            // (440 USD) plus 100 USD at oci. R(aws) = 600, R(oci) = 440 + 100 = 540, T = 1140:
            // s(aws) = 600 / 1140 = 0.526315789473684211, s(oci) = 540 / 1140 =
            // 0.473684210526315789 (18 digits, half even).
            .add("aws", "Mistral", "compute", "2026-03", "USD", "1", "600", "600", "600")
            .add("oci", "Mistral", "compute", "2026-03", "EUR", "1.10", "400", "400", "400")
            .add("oci", "Mistral", "compute", "2026-03", "USD", "1", "100", "100", "100")
            // April: oci's EUR charges found no rate, so oci's R, T and every share are null.
            .add("aws", "Mistral", "compute", "2026-04", "USD", "1", "600", "600", "600")
            .add("oci", "Mistral", "compute", "2026-04", "EUR", null, "400", "400", "400")
            .build();
    Dataset<Row> lpm =
        LabProviderMonthly.of(monthly, SharesFixtures.noTerms(), SharesFixtures.PROVIDERS, "USD")
            .cache();

    // One row per lab x provider x stream x month, whatever the currencies.
    assertThat(lpm.count()).isEqualTo(4);
    Row aws = cell(lpm, "Mistral", "aws", "compute", "2026-03");
    Row oci = cell(lpm, "Mistral", "oci", "compute", "2026-03");
    assertThat(aws.<String>getAs("reporting_currency")).isEqualTo("USD");
    assertThat(dec(oci, "billed_revenue")).isEqualByComparingTo("540");
    assertThat(dec(oci, "lab_stream_total")).isEqualByComparingTo("1140");
    assertThat(dec(aws, "share")).isEqualByComparingTo("0.526315789473684211");
    assertThat(dec(oci, "share")).isEqualByComparingTo("0.473684210526315789");
    // The billing-currency figure is kept when the cell has one currency only.
    assertThat(aws.<String>getAs("billing_currency")).isEqualTo("USD");
    assertThat(dec(aws, "billed_revenue_in_billing_currency")).isEqualByComparingTo("600");
    assertThat(oci.<Object>getAs("billing_currency")).isNull();
    assertThat(oci.<Object>getAs("billed_revenue_in_billing_currency")).isNull();

    Row awsApril = cell(lpm, "Mistral", "aws", "compute", "2026-04");
    Row ociApril = cell(lpm, "Mistral", "oci", "compute", "2026-04");
    assertThat(dec(awsApril, "billed_revenue")).isEqualByComparingTo("600");
    assertThat(ociApril.<Object>getAs("billed_revenue")).isNull();
    assertThat(dec(ociApril, "billed_revenue_in_billing_currency")).isEqualByComparingTo("400");
    for (Row r : List.of(awsApril, ociApril)) {
      assertThat(r.<Object>getAs("lab_stream_total")).as("T with a missing rate").isNull();
      assertThat(r.<Object>getAs("share")).as("share with a missing rate").isNull();
    }
    lpm.unpersist();
  }

  @Test
  void termsInForceAndProviderNetAfterTheResaleShare() {
    Dataset<Row> monthly =
        SharesFixtures.monthly()
            .add("azure", "OpenAI", "resale", "2026-03", "1000")
            .add("azure", "OpenAI", "resale", "2026-04", "1000")
            .add("azure", "OpenAI", "resale", "2026-05", "1000")
            .add("aws", "OpenAI", "resale", "2026-03", "250")
            .add("azure", "OpenAI", "compute", "2026-03", "500")
            .build();
    // The amendment takes effect on 27 April 2026: April shows it as the version in force at the
    // month's end, and its net is apportioned by the instant.
    Dataset<Row> terms =
        SharesFixtures.terms()
            .add("P11", "OpenAI", "azure", "2025-10-01", "2026-04-27", "rofr", "0.20", "0.20")
            .add("P13", "OpenAI", "azure", "2026-04-27", null, "none", "0", "0.20")
            .build();

    Dataset<Row> lpm =
        LabProviderMonthly.of(monthly, terms, SharesFixtures.PROVIDERS, "USD").cache();

    Row march = cell(lpm, "OpenAI", "azure", "resale", "2026-03");
    assertThat(march.<String>getAs("terms_record_id")).isEqualTo("P11");
    assertThat(march.<String>getAs("exclusivity")).isEqualTo("rofr");
    assertThat(dec(march, "resale_share_to_lab")).isEqualByComparingTo("0.2");
    assertThat(dec(march, "lab_share_to_provider")).isEqualByComparingTo("0.2");
    // Resale net = R x (1 - p) = 1000 x 0.8 = 800.
    assertThat(dec(march, "provider_net_revenue")).isEqualByComparingTo("800");
    // March resale T = 1000 + 250 = 1250: azure 0.8, aws 0.2.
    assertThat(dec(march, "share")).isEqualByComparingTo("0.8");

    Row april = cell(lpm, "OpenAI", "azure", "resale", "2026-04");
    assertThat(april.<String>getAs("terms_record_id")).isEqualTo("P13");
    assertThat(april.<String>getAs("exclusivity")).isEqualTo("none");
    // April's monthly charge runs 1 April to 1 May: 26 of its 30 days under P11 (p = 0.2), 4 under
    // P13 (p = 0): the share paid is 1000 x 26/30 = 866.666666666667 (12 places) x 0.2 =
    // 173.333333333333, so net = 1000 - 173.333333333333 = 826.666666666667; under the month rule
    // it was 1000.
    assertThat(dec(april, "provider_net_revenue")).isEqualByComparingTo("826.666666666667");
    // May is all P13's: net = R = 1000.
    assertThat(dec(cell(lpm, "OpenAI", "azure", "resale", "2026-05"), "provider_net_revenue"))
        .isEqualByComparingTo("1000");
    assertThat(cell(lpm, "OpenAI", "azure", "resale", "2026-05").<String>getAs("terms_record_id"))
        .isEqualTo("P13");

    // Compute keeps R whatever p is: 500 under P11's p = 0.2.
    Row compute = cell(lpm, "OpenAI", "azure", "compute", "2026-03");
    assertThat(compute.<String>getAs("terms_record_id")).isEqualTo("P11");
    assertThat(dec(compute, "provider_net_revenue")).isEqualByComparingTo("500");
    // No terms at aws: p unknown counts as 0, net = R = 250, terms columns null.
    Row aws = cell(lpm, "OpenAI", "aws", "resale", "2026-03");
    assertThat(aws.<Object>getAs("terms_record_id")).isNull();
    assertThat(aws.<Object>getAs("exclusivity")).isNull();
    assertThat(dec(aws, "provider_net_revenue")).isEqualByComparingTo("250");
    lpm.unpersist();
  }

  @Test
  void calendarAndProviderFiscalQuarters() {
    Dataset<Row> monthly =
        SharesFixtures.monthly()
            .add("azure", "OpenAI", "compute", "2025-07", "10")
            .add("azure", "OpenAI", "compute", "2026-06", "10")
            .add("oci", "OpenAI", "compute", "2025-12", "10")
            .add("aws", "OpenAI", "compute", "2026-01", "10")
            .build();
    Dataset<Row> lpm =
        LabProviderMonthly.of(monthly, SharesFixtures.noTerms(), SharesFixtures.PROVIDERS, "USD")
            .cache();

    // Microsoft's fiscal year starts in July: July 2025 is FY26 Q1, June 2026 FY26 Q4.
    assertQuarter(cell(lpm, "OpenAI", "azure", "compute", "2025-07"), "2025Q3", 2026, 1);
    assertQuarter(cell(lpm, "OpenAI", "azure", "compute", "2026-06"), "2026Q2", 2026, 4);
    // Oracle's starts in June: Dec 2025, Jan and Feb 2026 are FY26 Q3 across the calendar year;
    // June 2026 starts FY27.
    assertQuarter(cell(lpm, "OpenAI", "oci", "compute", "2025-12"), "2025Q4", 2026, 3);
    assertQuarter(cell(lpm, "OpenAI", "oci", "compute", "2026-01"), "2026Q1", 2026, 3);
    assertQuarter(cell(lpm, "OpenAI", "oci", "compute", "2026-02"), "2026Q1", 2026, 3);
    assertQuarter(cell(lpm, "OpenAI", "oci", "compute", "2026-06"), "2026Q2", 2027, 1);
    // A calendar-year provider: fiscal = calendar.
    assertQuarter(cell(lpm, "OpenAI", "aws", "compute", "2026-06"), "2026Q2", 2026, 2);
    lpm.unpersist();
  }

  private static void assertQuarter(
      Row row, String calendarQuarter, int fiscalYear, int fiscalQuarter) {
    assertThat(row.<String>getAs("calendar_quarter_label")).isEqualTo(calendarQuarter);
    assertThat(row.<Integer>getAs("fiscal_year")).isEqualTo(fiscalYear);
    assertThat(row.<Integer>getAs("fiscal_quarter_number")).isEqualTo(fiscalQuarter);
  }
}
