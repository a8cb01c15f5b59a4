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
    assertThat(share("OpenAI", Stream.COMPUTE, "gcp", "2025-05")).isEqualByComparingTo("0.02");
    assertThat(share("OpenAI", Stream.COMPUTE, "aws", "2025-10")).isEqualByComparingTo("0");
    assertThat(share("OpenAI", Stream.COMPUTE, "aws", "2025-11")).isEqualByComparingTo("0.04");
    assertThat(share("OpenAI", Stream.COMPUTE, "azure", "2026-03")).isEqualByComparingTo("0.74");
    assertThat(share("OpenAI", Stream.COMPUTE, "azure", "2026-04")).isEqualByComparingTo("0.64");
    assertThat(share("OpenAI", Stream.RESALE, "azure", "2026-03")).isEqualByComparingTo("1");
    assertThat(share("OpenAI", Stream.RESALE, "aws", "2026-04")).isEqualByComparingTo("0.08");
    assertThat(share("Anthropic", Stream.COMPUTE, "azure", "2025-10")).isEqualByComparingTo("0");
    assertThat(share("Anthropic", Stream.COMPUTE, "azure", "2025-11")).isEqualByComparingTo("0.03");
    assertThat(share("Anthropic", Stream.COMPUTE, "coreweave", "2026-04"))
        .isEqualByComparingTo("0.04");
  }

  @Test
  void everyPlanSplitsItsWholeTotalAndOtherCustomersKeepAFloor() {
    for (LabStreamPlan plan : calibration.plans()) {
      for (YearMonth m = YearMonth.of(2023, 1);
          !m.isAfter(YearMonth.of(2026, 9));
          m = m.plusMonths(1)) {
        BigDecimal shares = BigDecimal.ZERO;
        for (String provider : plan.providers()) {
          assertThat(plan.share(provider, m).signum()).isGreaterThanOrEqualTo(0);
          shares = shares.add(plan.share(provider, m));
        }
        assertThat(shares).as(plan.lab() + " " + plan.stream() + " " + m).isEqualByComparingTo("1");
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
