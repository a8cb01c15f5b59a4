package io.cloudshift.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import io.cloudshift.schema.Stream;
import java.math.BigDecimal;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

/** The calibration honours its public-facts anchors and plants the steps at the event months. */
class SyntheticCalibrationTest {
  private final Calibration calibration = Calibration.publicFacts();

  @Test
  void openAiOnAzureMatchesTheLeakedInferenceSpend() {
    // public-facts L12: $3.7B on Azure in 2024, $8.7B in the first nine months of 2025.
    assertThat(
            sum("OpenAI", "azure", Stream.COMPUTE, YearMonth.of(2024, 1), YearMonth.of(2024, 12))
                .doubleValue())
        .isCloseTo(3.7e9, offset(0.02e9));
    assertThat(
            sum("OpenAI", "azure", Stream.COMPUTE, YearMonth.of(2025, 1), YearMonth.of(2025, 9))
                .doubleValue())
        .isCloseTo(8.7e9, offset(0.02e9));
  }

  @Test
  void sharesStepAtTheContractEvents() {
    assertThat(share("OpenAI", Stream.COMPUTE, "azure", "2024-05")).isEqualByComparingTo("1");
    assertThat(share("OpenAI", Stream.COMPUTE, "oci", "2024-06")).isEqualByComparingTo("0.03");
    assertThat(share("OpenAI", Stream.COMPUTE, "coreweave", "2025-02")).isEqualByComparingTo("0");
    assertThat(share("OpenAI", Stream.COMPUTE, "coreweave", "2025-03"))
        .isEqualByComparingTo("0.04");
    assertThat(share("OpenAI", Stream.COMPUTE, "gcp", "2025-05")).isEqualByComparingTo("0.015");
    assertThat(share("OpenAI", Stream.COMPUTE, "aws", "2025-10")).isEqualByComparingTo("0");
    assertThat(share("OpenAI", Stream.COMPUTE, "aws", "2025-11")).isEqualByComparingTo("0.015");
    assertThat(share("OpenAI", Stream.COMPUTE, "azure", "2026-03")).isEqualByComparingTo("0.75");
    // The share at the end of April, after P13 (27 April): the slide's 73.5% less 6 points.
    assertThat(share("OpenAI", Stream.COMPUTE, "azure", "2026-04")).isEqualByComparingTo("0.675");
    assertThat(share("OpenAI", Stream.RESALE, "azure", "2026-03")).isEqualByComparingTo("1");
    assertThat(share("OpenAI", Stream.RESALE, "aws", "2026-04")).isEqualByComparingTo("0.08");
    assertThat(share("Anthropic", Stream.COMPUTE, "azure", "2025-10")).isEqualByComparingTo("0");
    assertThat(share("Anthropic", Stream.COMPUTE, "azure", "2025-11")).isEqualByComparingTo("0.03");
    assertThat(share("Anthropic", Stream.COMPUTE, "coreweave", "2026-04"))
        .isEqualByComparingTo("0.04");
  }

  /**
   * P13's planted truth (issue 22, item 4): Azure's share of OpenAI compute without P13 is the
   * straight line 0.93 − 0.015 · (months since 2025-03), from 2025-03 through 2026-09; with P13 it
   * is that line less δ = 0.06 from 27 April 2026. April is planted in two parts, 1–26 April on the
   * line and 27–30 April δ below it, each part's total the month's spread evenly over its days.
   */
  @Test
  void p13PlantsALinearSlideAndASeparateEffectOfSixPointsFrom27April() {
    LabStreamPlan compute = calibration.plan("OpenAI", Stream.COMPUTE).orElseThrow();
    for (YearMonth m = YearMonth.of(2025, 3);
        !m.isAfter(YearMonth.of(2026, 9));
        m = m.plusMonths(1)) {
      long k = YearMonth.of(2025, 3).until(m, java.time.temporal.ChronoUnit.MONTHS);
      BigDecimal line =
          new BigDecimal("0.93").subtract(new BigDecimal("0.015").multiply(BigDecimal.valueOf(k)));
      assertThat(compute.counterfactualShare("azure", m))
          .as(m.toString())
          .isEqualByComparingTo(line);
      BigDecimal planted =
          m.isBefore(YearMonth.of(2026, 4)) ? line : line.subtract(new BigDecimal("0.06"));
      assertThat(compute.share("azure", m)).as(m.toString()).isEqualByComparingTo(planted);
    }
    YearMonth april = YearMonth.of(2026, 4);
    assertThat(compute.parts(april))
        .containsExactly(new MonthPart(april, 1, 27), new MonthPart(april, 27, 31));
    assertThat(compute.parts(YearMonth.of(2026, 5)))
        .containsExactly(MonthPart.whole(YearMonth.of(2026, 5)));
    MonthPart before = compute.parts(april).get(0);
    MonthPart after = compute.parts(april).get(1);
    assertThat(compute.share("azure", before)).isEqualByComparingTo("0.735");
    assertThat(compute.share("azure", after)).isEqualByComparingTo("0.675");
    assertThat(compute.share("aws", after)).isEqualByComparingTo("0.12");
    assertThat(compute.share("coreweave", after)).isEqualByComparingTo("0.10");
    assertThat(compute.share("gcp", after)).isEqualByComparingTo("0.075");
    // April's total: 1850 + 4/9 of (3000 − 1850) $M = 2,361,111,111.11; after 27 April its 4/30.
    assertThat(compute.total(after)).isEqualByComparingTo("314814814.81");
    assertThat(compute.total(before)).isEqualByComparingTo("2046296296.30");
    assertThat(compute.amount("azure", after)).isEqualByComparingTo("212500000.00");
    assertThat(compute.amount("azure", april))
        .isEqualByComparingTo(new BigDecimal("212500000.00").add(new BigDecimal("1504027777.78")));

    LabStreamPlan resale = calibration.plan("OpenAI", Stream.RESALE).orElseThrow();
    assertThat(resale.counterfactualShare("azure", YearMonth.of(2026, 9)))
        .isEqualByComparingTo("1");
    assertThat(resale.share("azure", resale.parts(april).get(0))).isEqualByComparingTo("1");
    assertThat(resale.share("azure", resale.parts(april).get(1))).isEqualByComparingTo("0.92");
    assertThat(resale.share("azure", YearMonth.of(2026, 9))).isEqualByComparingTo("0.85");
  }

  @Test
  void everyPlanSplitsItsWholeTotalAndOtherCustomersKeepAFloor() {
    for (LabStreamPlan plan : calibration.plans()) {
      for (YearMonth m = YearMonth.of(2023, 1);
          !m.isAfter(YearMonth.of(2026, 9));
          m = m.plusMonths(1)) {
        for (MonthPart part : plan.parts(m)) {
          BigDecimal shares = BigDecimal.ZERO;
          BigDecimal counterfactual = BigDecimal.ZERO;
          for (String provider : plan.providers()) {
            assertThat(plan.share(provider, part).signum()).isGreaterThanOrEqualTo(0);
            shares = shares.add(plan.share(provider, part));
            counterfactual = counterfactual.add(plan.counterfactualShare(provider, m));
          }
          assertThat(shares)
              .as(plan.lab() + " " + plan.stream() + " " + part)
              .isEqualByComparingTo("1");
          assertThat(counterfactual)
              .as(plan.lab() + " " + plan.stream() + " " + m)
              .isEqualByComparingTo("1");
        }
      }
    }
    for (String provider : calibration.providerRevenue().keySet()) {
      YearMonth m = YearMonth.of(2026, 6);
      BigDecimal total = calibration.providerRevenue().get(provider).at(m);
      assertThat(calibration.unattributedAmount(provider, m))
          .isGreaterThanOrEqualTo(total.multiply(new BigDecimal("0.25")));
    }
  }

  private BigDecimal sum(String lab, String provider, Stream stream, YearMonth from, YearMonth to) {
    BigDecimal sum = BigDecimal.ZERO;
    for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
      sum = sum.add(calibration.labAmount(lab, provider, stream, m));
    }
    return sum;
  }

  private BigDecimal share(String lab, Stream stream, String provider, String month) {
    return calibration.plan(lab, stream).orElseThrow().share(provider, YearMonth.parse(month));
  }
}
