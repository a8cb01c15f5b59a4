package io.cloudshift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudshift.config.HeadlineEvent;
import io.cloudshift.uplift.HeadlineRow;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The run summary's headline reads the reporting currency's rows only. */
class HeadlineSummaryTest {
  private static HeadlineRow compute(
      String currency, String uplift, String share, String breakEven) {
    BigDecimal u = new BigDecimal(uplift);
    return new HeadlineRow(
        "compute",
        currency,
        "2026Q3",
        3,
        LocalDate.of(2026, 9, 1),
        u,
        BigDecimal.ZERO,
        u,
        BigDecimal.ZERO,
        BigDecimal.ONE,
        BigDecimal.ONE,
        new BigDecimal(share),
        new BigDecimal(breakEven));
  }

  @Test
  void theComputeShareIsComparedWithTheBreakEvenShare() {
    List<HeadlineRow> rows = List.of(compute("USD", "-5000000", "0.7746", "0.9093"));
    String text =
        HeadlineSummary.render(
            new HeadlineEvent("OpenAI", "azure", LocalDate.of(2026, 4, 27)), rows, "USD");

    assertThat(text)
        .contains("in USD")
        .contains("USD millions")
        .contains("compute share of OpenAI in 2026-09: 77.5% vs break-even 90.9% (below: worse off")
        .contains("total    USD        -5.0");
  }
}
