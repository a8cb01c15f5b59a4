package io.cloudshift.generate;

import static io.cloudshift.generate.SyntheticFixtures.generateCsv;
import static io.cloudshift.generate.SyntheticFixtures.options;
import static io.cloudshift.generate.SyntheticFixtures.readCsv;
import static org.assertj.core.api.Assertions.assertThat;

import io.cloudshift.config.CloudshiftConfig;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Re-reading the written gzip CSVs in plain Java and summing what counts gives exactly the planted
 * truth.
 */
class SyntheticTruthTest {
  @TempDir static Path root;
  private static CloudshiftConfig config;

  @BeforeAll
  static void generate() {
    config = SyntheticFixtures.csvOnlyConfig();
    generateCsv(options(20260427L, 3_000, root));
  }

  @Test
  void oneMonthOfAzureSumsExactlyToTheTruth() {
    Map<String, BigDecimal[]> sums =
        sumFile(
            "azure", root.resolve("azure-focus/billing_period=2026-04/azure-focus-2026-04.csv.gz"));
    Map<String, BigDecimal[]> truth = labTruth("azure", "2026-04");

    assertThat(truth)
        .containsKeys(
            "OpenAI|compute",
            "OpenAI|resale",
            "Anthropic|compute",
            "Anthropic|resale",
            "Mistral|compute",
            "Mistral|resale");
    for (Map.Entry<String, BigDecimal[]> cell : truth.entrySet()) {
      assertThat(sums.get(cell.getKey())[0])
          .as("billed " + cell.getKey())
          .isEqualByComparingTo(cell.getValue()[0]);
      assertThat(sums.get(cell.getKey())[1])
          .as("effective " + cell.getKey())
          .isEqualByComparingTo(cell.getValue()[1]);
    }
    assertThat(sums.keySet().stream().filter(k -> !k.startsWith("|")))
        .containsExactlyInAnyOrderElementsOf(truth.keySet());
    // The OpenAI-Microsoft amendment (P13) is planted in April 2026: Azure's share of OpenAI
    // compute
    // steps from 74% to 64%. This run has no AWS export (AWS holds 10% in March, 16% in April), so
    // the
    // shares are of the rest: 0.74 / 0.90 and 0.64 / 0.84; credits and corrections move them
    // slightly.
    assertThat(azureShareOfOpenAiCompute("2026-03"))
        .isCloseTo(0.74 / 0.90, org.assertj.core.data.Offset.offset(0.005));
    assertThat(azureShareOfOpenAiCompute("2026-04"))
        .isCloseTo(0.64 / 0.84, org.assertj.core.data.Offset.offset(0.005));
  }

  @Test
  void everyCsvFileSumsExactlyToTheTruthIncludingOtherCustomersAndCurrencies() {
    List<Map<String, String>> providerTruth =
        readCsv(root.resolve("_truth/provider_monthly_revenue.csv"));
    for (String[] export :
        new String[][] {
          {"azure-focus", "azure"},
          {"gcp-focus", "gcp"},
          {"oci-focus", "oci"},
          {"coreweave-focus", "coreweave"}
        }) {
      for (var month = SyntheticFixtures.FIRST;
          !month.isAfter(SyntheticFixtures.LAST);
          month = month.plusMonths(1)) {
        Path file =
            root.resolve(
                export[0] + "/billing_period=" + month + "/" + export[0] + "-" + month + ".csv.gz");
        Map<String, BigDecimal[]> sums = sumFile(export[1], file);
        Map<String, BigDecimal[]> truth = labTruth(export[1], month.toString());
        for (Map.Entry<String, BigDecimal[]> cell : truth.entrySet()) {
          assertThat(sums.get(cell.getKey())[0])
              .as(file + " " + cell.getKey())
              .isEqualByComparingTo(cell.getValue()[0]);
          assertThat(sums.get(cell.getKey())[1])
              .as(file + " " + cell.getKey())
              .isEqualByComparingTo(cell.getValue()[1]);
        }
        String m = month.toString();
        for (Map<String, String> row : providerTruth) {
          if (row.get("provider").equals(export[1])
              && row.get("billing_month").equals(m)
              && row.get("stream").equals("unattributed")) {
            String key = "|unattributed|" + row.get("billing_currency");
            assertThat(sums.get(key)[0])
                .as(file + " " + key)
                .isEqualByComparingTo(row.get("billed_revenue"));
            assertThat(sums.get(key)[1])
                .as(file + " " + key)
                .isEqualByComparingTo(row.get("effective_revenue"));
          }
        }
      }
    }
  }

  @Test
  void badRowsAreListedWithTheirLineAndAreNotRevenue() {
    List<Map<String, String>> bad = readCsv(root.resolve("_truth/bad_rows.csv"));
    assertThat(bad)
        .extracting(r -> r.get("reason_code"))
        .contains("BAD_NUMBER", "BAD_DATETIME", "UNKNOWN_CURRENCY");
    var reference = new SyntheticFixtures.ReferenceAttribution(config);
    for (Map<String, String> entry : bad) {
      List<Map<String, String>> rows =
          readCsv(root.resolve(entry.get("export")).resolve(entry.get("file")));
      Map<String, String> row = rows.get(Integer.parseInt(entry.get("line")) - 2);
      assertThat(row.get(entry.get("column"))).isEqualTo(entry.get("value"));
      assertThat(reference.parses(row)).isFalse();
    }
    int counted =
        readCsv(root.resolve("_truth/row_counts.csv")).stream()
            .mapToInt(r -> Integer.parseInt(r.get("rows")))
            .sum();
    assertThat(counted).isBetween(2_500, 3_500);
  }

  private static double azureShareOfOpenAiCompute(String month) {
    return readCsv(root.resolve("_truth/monthly_revenue.csv")).stream()
        .filter(
            r ->
                r.get("lab").equals("OpenAI")
                    && r.get("stream").equals("compute")
                    && r.get("billing_month").equals(month)
                    && r.get("provider").equals("azure"))
        .mapToDouble(r -> Double.parseDouble(r.get("share")))
        .findFirst()
        .orElseThrow();
  }

  /**
   * Σ billed / effective per "lab|stream", plus "|unattributed|<currency>", of the rows that count.
   */
  private static Map<String, BigDecimal[]> sumFile(String provider, Path file) {
    var reference = new SyntheticFixtures.ReferenceAttribution(config);
    Map<String, BigDecimal[]> sums = new TreeMap<>();
    for (Map<String, String> row : readCsv(file)) {
      String key = reference.classify(provider, row);
      if (key == null) {
        continue;
      }
      if (key.equals("|unattributed")) {
        key = key + "|" + row.get("BillingCurrency");
      }
      BigDecimal[] sum =
          sums.computeIfAbsent(key, k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
      sum[0] = sum[0].add(new BigDecimal(row.get("BilledCost")));
      sum[1] = sum[1].add(new BigDecimal(row.get("EffectiveCost")));
    }
    return sums;
  }

  private static Map<String, BigDecimal[]> labTruth(String provider, String month) {
    Map<String, BigDecimal[]> truth = new TreeMap<>();
    for (Map<String, String> row : readCsv(root.resolve("_truth/monthly_revenue.csv"))) {
      if (row.get("provider").equals(provider) && row.get("billing_month").equals(month)) {
        assertThat(row.get("billing_currency")).isEqualTo("USD");
        truth.put(
            row.get("lab") + "|" + row.get("stream"),
            new BigDecimal[] {
              new BigDecimal(row.get("billed_revenue")),
              new BigDecimal(row.get("effective_revenue"))
            });
      }
    }
    return truth;
  }
}
