package io.cloudshift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudshift.config.HeadlineEvent;
import io.cloudshift.uplift.HeadlineRow;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The run summary's headline: the frozen model's streams, then U under every counterfactual model
 * and whether its sign holds.
 */
class HeadlineSummaryTest {
  private static final HeadlineEvent EVENT =
      new HeadlineEvent("OpenAI", "azure", LocalDate.of(2026, 4, 27));

  private static HeadlineRow row(
      String model, String stream, String uplift, String share, String breakEven) {
    return row(model, stream, uplift, share, breakEven, null, null, null, null);
  }

  private static HeadlineRow row(
      String model,
      String stream,
      String uplift,
      String share,
      String breakEven,
      String low,
      String high,
      String pValue,
      Integer placebos) {
    BigDecimal u = uplift == null ? null : new BigDecimal(uplift);
    return new HeadlineRow(
        model,
        stream,
        "USD",
        "2026Q3",
        3,
        LocalDate.of(2026, 9, 1),
        u,
        BigDecimal.ZERO,
        u,
        BigDecimal.ZERO,
        BigDecimal.ONE,
        BigDecimal.ONE,
        share == null ? null : new BigDecimal(share),
        breakEven == null ? null : new BigDecimal(breakEven),
        low == null ? null : new BigDecimal(low),
        high == null ? null : new BigDecimal(high),
        pValue == null ? null : new BigDecimal(pValue),
        placebos);
  }

  @Test
  void theFrozenComputeShareIsComparedWithItsBreakEvenShare() {
    String text =
        HeadlineSummary.render(
            EVENT, List.of(row("frozen", "compute", "-5000000", "0.7746", "0.9093")), "USD");

    assertThat(text)
        .contains("in USD")
        .contains("USD millions")
        .contains("compute share of OpenAI in 2026-09: 77.5% vs break-even 90.9% (below: worse off")
        .contains("total    USD        -5.0");
  }

  @Test
  void uUnderEachModelSideBySideAndWhetherItsSignHolds() {
    // frozen: -5 + 1 = -4; trend: 2 + 1 = 3; control: a stream without a counterfactual, so its
    // total is unknown.
    List<HeadlineRow> rows =
        List.of(
            row(
                "frozen",
                "compute",
                "-5000000",
                "0.7746",
                "0.9093",
                "-5500000",
                "-4250000",
                "0.0125",
                156),
            row("frozen", "inbound", "1000000", null, null),
            row("trend", "compute", "2000000", "0.7746", "0.70", null, null, null, 12),
            row("trend", "inbound", "1000000", null, null),
            row("control", "compute", null, "0.7746", null),
            row("control", "inbound", "1000000", null, null));

    String text = HeadlineSummary.render(EVENT, rows, "USD");

    assertThat(text)
        .contains("U by counterfactual model, USD millions")
        .contains("    frozen         -4.0   compute -5.0 [-5.5, -4.3] p 0.01 (156)  inbound 1.0\n")
        .contains("    trend           3.0   compute 2.0 [no interval] (12)  inbound 1.0\n")
        .contains("    control           -   compute -  inbound 1.0\n")
        .contains("the sign of U differs between the models")
        // The table above it is the frozen model's.
        .contains("total    USD        -4.0");
    String agreeing =
        HeadlineSummary.render(
            EVENT,
            List.of(
                row("frozen", "compute", "-5000000", "0.7746", "0.9093"),
                row("trend", "compute", "-1000000", "0.7746", "0.80"),
                row("control", "compute", "-2000000", "0.7746", "0.85")),
            "USD");
    assertThat(agreeing).contains("the sign of U holds under all models");
  }
}
