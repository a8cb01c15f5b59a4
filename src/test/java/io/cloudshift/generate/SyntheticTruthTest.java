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
    // The OpenAI-Microsoft amendment (P13) is planted from 27 April 2026: Azure's share of OpenAI
    // compute is 75% in March, 73.5% on 1-26 April and 67.5% on 27-30 April. This run has no AWS
    // export (AWS holds 7.5% in March, 9% then 12% in April), so the shares are of the rest:
    // 0.75 / 0.925 in March, and for the whole of April (26 and 4 of 30 days)
    // (0.735·26 + 0.675·4) / (30 − 0.09·26 − 0.12·4); credits and corrections move them slightly.
    assertThat(azureShareOfOpenAiCompute("2026-03"))
        .isCloseTo(0.75 / 0.925, org.assertj.core.data.Offset.offset(0.005));
    assertThat(azureShareOfOpenAiCompute("2026-04"))
        .isCloseTo(
            (0.735 * 26 + 0.675 * 4) / (30 - 0.09 * 26 - 0.12 * 4),
            org.assertj.core.data.Offset.offset(0.005));
  }

  /**
   * April 2026 is planted in two parts around P13 (27 April, 00:00 UTC): every OpenAI row's charge
   * period lies wholly on one side of the change, and the rows after it, re-read and summed in
   * plain Java, give after_change.csv exactly; Azure's part after the change is the planted 67.5%
   * of the planted total after it (the month's 4/30), to the cent.
   */
  @Test
  void theDaysAfterP13AreBilledApartAndSumExactlyToTheAfterChangeTruth() {
    java.time.Instant change = java.time.Instant.parse("2026-04-27T00:00:00Z");
    java.time.Instant april = java.time.Instant.parse("2026-04-01T00:00:00Z");
    java.time.Instant may = java.time.Instant.parse("2026-05-01T00:00:00Z");
    var reference = new SyntheticFixtures.ReferenceAttribution(config);
    Map<String, BigDecimal> after = new TreeMap<>();
    java.util.Set<String> daysAfter = new java.util.TreeSet<>();
    for (String provider : List.of("azure", "gcp", "oci", "coreweave")) {
      String export = provider + "-focus";
      Path file = root.resolve(export + "/billing_period=2026-04/" + export + "-2026-04.csv.gz");
      for (Map<String, String> row : readCsv(file)) {
        String key = reference.classify(provider, row);
        if (key == null || !key.startsWith("OpenAI|")) {
          continue;
        }
        java.time.Instant start = java.time.Instant.parse(row.get("ChargePeriodStart"));
        java.time.Instant end = java.time.Instant.parse(row.get("ChargePeriodEnd"));
        if (!start.isBefore(april)) {
          // This month's usage: wholly before or wholly after the change.
          assertThat(start.isBefore(change) && end.isAfter(change)).as(row.toString()).isFalse();
          assertThat(end).isBeforeOrEqualTo(may);
        }
        if (!start.isBefore(change)) {
          after.merge(key + "|" + provider, new BigDecimal(row.get("BilledCost")), BigDecimal::add);
          if (key.equals("OpenAI|compute") && provider.equals("azure")) {
            daysAfter.add(row.get("ChargePeriodStart").substring(0, 10));
          }
        }
      }
    }
    assertThat(daysAfter)
        .as("each day after the change has charges")
        .containsExactly("2026-04-27", "2026-04-28", "2026-04-29", "2026-04-30");
    Map<String, BigDecimal> truth = new TreeMap<>();
    for (Map<String, String> row : readCsv(root.resolve("_truth/after_change.csv"))) {
      assertThat(row.get("event_id")).isEqualTo("P13");
      assertThat(row.get("effective_from")).isEqualTo("2026-04-27");
      truth.put(
          row.get("lab") + "|" + row.get("stream") + "|" + row.get("provider"),
          new BigDecimal(row.get("billed_revenue_after")));
    }
    assertThat(truth.keySet()).isEqualTo(after.keySet());
    truth.forEach((k, v) -> assertThat(after.get(k)).as(k).isEqualByComparingTo(v));
    // 0.675 × (2,361,111,111.11 × 4/30 = 314,814,814.81) = 212,499,999.997: $212,500,000.00.
    assertThat(truth.get("OpenAI|compute|azure")).isEqualByComparingTo("212500000.00");
    // Bedrock (no AWS export here) takes 8% of resale after the change: Azure 0.92 ×
    // 123,333,333.33.
    assertThat(truth.get("OpenAI|resale|azure")).isEqualByComparingTo("113466666.66");
  }

  /**
   * planted_effects.csv, worked by hand from the calibration: compute total 1850 $M in 2025-12 to
   * 3000 $M in 2026-09 in a straight line, δ = 6 points from 27 April 2026 (April's 4/30 after it),
   * share effect −0.06 · T per month and its sums; this run ends in April, so only 2026Q2's part in
   * April is there.
   */
  @Test
  void plantedEffectsSayWhatWasPlanted() {
    List<Map<String, String>> lines = readCsv(root.resolve("_truth/planted_effects.csv"));
    Map<String, Map<String, String>> compute = new TreeMap<>();
    for (Map<String, String> line : lines) {
      if (line.get("stream").equals("compute")) {
        compute.put(
            line.get("side") + "|" + line.get("period") + "|" + line.get("period_start"), line);
      }
    }
    Map<String, String> april = compute.get("post|2026-04|2026-04-27");
    assertThat(april.get("period_end")).isEqualTo("2026-05-01");
    assertThat(april.get("counterfactual_share")).isEqualTo("0.735");
    assertThat(april.get("planted_share")).isEqualTo("0.675");
    assertThat(april.get("effect_pp")).isEqualTo("-6");
    assertThat(new BigDecimal(april.get("stream_total_usd"))).isEqualByComparingTo("314814814.81");
    assertThat(new BigDecimal(april.get("share_effect_usd")))
        .isEqualByComparingTo("-18888888.8886");
    Map<String, String> aprilBefore = compute.get("pre|2026-04|2026-04-01");
    assertThat(aprilBefore.get("period_end")).isEqualTo("2026-04-27");
    assertThat(aprilBefore.get("planted_share")).isEqualTo("0.735");
    assertThat(new BigDecimal(aprilBefore.get("share_effect_usd"))).isZero();
    // The trend window: 2025-11 .. 2026-03 here (the run starts in 2025-11), on the line.
    assertThat(compute.get("pre|2025-11|2025-11-01").get("counterfactual_share")).isEqualTo("0.81");
    assertThat(compute.get("pre|2026-03|2026-03-01").get("counterfactual_share")).isEqualTo("0.75");
    assertThat(compute.keySet()).noneMatch(k -> k.startsWith("pre|2025-10"));
    Map<String, String> quarter = compute.get("post|2026Q2|2026-04-27");
    assertThat(quarter.get("planted_share")).isNull();
    assertThat(new BigDecimal(quarter.get("share_effect_usd")))
        .isEqualByComparingTo("-18888888.8886");
    assertThat(compute.get("post|total|2026-04-27").get("period_end")).isEqualTo("2026-05-01");
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
